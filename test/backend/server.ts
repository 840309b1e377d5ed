import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { authorize, TokenRegistry } from './auth'
import { Enrollments, type NewEnrollmentCode } from './enrollments'
import { readBody, readJson } from './body'
import { captivePortalReply, dropConnection, statusReply } from './fault-replies'
import { Faults } from './faults'
import { KeyLocks } from './idempotency'
import { ApiError, sendReply, type Reply } from './reply'
import type { LogEntry } from './request-log'
import type { Limits, RouteContext } from './route'
import { matchRoute, type RouteMatch } from './routes'
import { Store } from './store'

export interface BackendOptions {
  /** Desk tokens accepted; one fresh random token when absent. */
  tokens?: string[]
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0: any free port. */
  port?: number
  /** The backend's clock (tests move it to expire codes). */
  now?: () => Date
  limits?: Partial<Limits>
  /** Called when an exchange is over, answered or not (the CLI prints it). */
  onExchange?: (entry: LogEntry) => void
  /** Enrollment codes valid from the start (`npm run backend -- --enroll-code CODE:desk-id`). */
  enrollmentCodes?: NewEnrollmentCode[]
  /** The token of the admin route that makes enrollment codes; a fresh random one when absent. */
  adminToken?: string
  /** Called when a request arrives, before it is answered (tests wait for one to be under way). */
  onRequest?: (entry: LogEntry) => void
}

export interface Backend {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** The first accepted token. */
  token: string
  auth: TokenRegistry
  faults: Faults
  store: Store
  /** One-time desk enrollment codes (tests add them here or through the admin route). */
  enrollments: Enrollments
  adminToken: string
  /** Every request in arrival order; entries are completed in place as answers go out. */
  log: LogEntry[]
  /** Stops listening and cuts every open connection, hanging ones included. */
  close(): Promise<void>
}

export const DEFAULT_LIMITS: Limits = {
  documentBytes: 10 * 1024 * 1024,
  jsonBytes: 1024 * 1024,
  verificationTtlMs: 10 * 60 * 1000,
  verificationTries: 5,
}

interface State {
  auth: TokenRegistry
  enrollments: Enrollments
  adminToken: string
  faults: Faults
  store: Store
  locks: KeyLocks
  log: LogEntry[]
  limits: Limits
  now: () => Date
  stopping: AbortSignal
  onExchange: (entry: LogEntry) => void
  onRequest: (entry: LogEntry) => void
}

/** Starts the reference registration backend (contract: shared/contract/registration-api.md). */
export async function createBackend(options: BackendOptions = {}): Promise<Backend> {
  const tokens = options.tokens ?? [randomBytes(24).toString('base64url')]
  const stopping = new AbortController()
  const now = options.now ?? (() => new Date())
  const enrollments = new Enrollments()
  for (const code of options.enrollmentCodes ?? []) enrollments.add(code, now())
  const state: State = {
    auth: new TokenRegistry(tokens),
    enrollments,
    adminToken: options.adminToken ?? randomBytes(24).toString('base64url'),
    faults: new Faults(),
    store: new Store(),
    locks: new KeyLocks(),
    log: [],
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    now,
    stopping: stopping.signal,
    onExchange: options.onExchange ?? (() => {}),
    onRequest: options.onRequest ?? (() => {}),
  }
  const server = createServer((req, res) => void exchange(req, res, state))
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token: tokens[0] ?? '',
    auth: state.auth,
    faults: state.faults,
    store: state.store,
    enrollments: state.enrollments,
    adminToken: state.adminToken,
    log: state.log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopping.abort()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

async function exchange(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  const match = matchRoute(req.method ?? '', path)
  const fault = state.faults.take(match.route?.name ?? null)
  const entry: LogEntry = {
    method: req.method ?? '',
    path,
    route: match.route?.name ?? null,
    status: null,
    fault: fault?.kind ?? null,
    bodyBytes: 0,
  }
  state.log.push(entry)
  res.once('finish', () => (entry.status = res.statusCode))
  res.once('close', () => state.onExchange(entry))
  const countBytes = (count: number): void => void (entry.bodyBytes += count)
  state.onRequest(entry)

  switch (fault?.kind) {
    case 'hang':
      return
    case 'drop':
      return dropConnection(req, fault.afterBodyBytes ?? 0, countBytes)
    case 'status':
      return send(req, res, statusReply(fault))
    case 'captive-portal':
      return send(req, res, captivePortalReply(fault.page))
  }
  const pause = async (phase: 'before' | 'after'): Promise<void> => {
    if (fault?.kind === 'delay' && (fault.phase ?? 'before') === phase) {
      await sleep(fault.ms, undefined, { signal: state.stopping })
    }
  }
  try {
    await pause('before')
    const reply = await answer(match, context(req, res, state, match, countBytes), state.auth)
    if (fault?.kind === 'lose-response') return void req.socket.destroy()
    await pause('after')
    send(req, res, reply)
  } catch (error) {
    // An aborted delay means the backend is closing, and cutting its connections anyway.
    if (state.stopping.aborted) return
    console.error('reference backend: could not answer', error)
    res.destroy()
  }
}

function context(
  req: IncomingMessage,
  res: ServerResponse,
  state: State,
  match: RouteMatch,
  countBytes: (count: number) => void,
): RouteContext {
  return {
    req,
    params: match.route ? match.params : {},
    store: state.store,
    auth: state.auth,
    enrollments: state.enrollments,
    adminToken: state.adminToken,
    faults: state.faults,
    locks: state.locks,
    limits: state.limits,
    now: state.now,
    readBody: (limit) => readBody(req, limit, countBytes),
    readJson: () => readJson(req, state.limits.jsonBytes, countBytes),
    onClose: (cleanup) => void res.once('close', cleanup),
  }
}

async function answer(match: RouteMatch, ctx: RouteContext, auth: TokenRegistry): Promise<Reply> {
  try {
    if (!match.route?.public) authorize(auth, ctx.req.headers.authorization)
    if (match.route === null) {
      if (match.allowed.length === 0) throw new ApiError(404, 'not_found', 'No such endpoint.')
      throw new ApiError(
        405,
        'method_not_allowed',
        'Method not allowed here.',
        {},
        { allow: match.allowed.join(', ') },
      )
    }
    return await match.route.handle(ctx)
  } catch (error) {
    if (error instanceof ApiError) return error.reply()
    console.error('reference backend: unexpected error', error)
    return new ApiError(500, 'internal_error', 'Unexpected error in the reference backend.').reply()
  }
}

/**
 * Answering before the body was read (a 413 from the headers, an injected fault) closes the
 * connection, so the unread bytes are never read just to be thrown away.
 */
function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (!req.complete) res.setHeader('connection', 'close')
  sendReply(res, reply)
}
