import {
  dateTimeOf,
  missingDocumentsOf,
  serverIdOf,
  serverStatusOf,
  submittedStatusOf,
} from './answer-fields'
import { parseRetryAfter } from './backoff'
import { failureOf, noAnswer, problem, SyncFailure } from './failure'
import {
  AnswerTooLarge,
  NetworkFailure,
  type RequestBody,
  type Transport,
  type TransportResponse,
} from './transport'

export interface BackendConfig {
  /** Base URL without a trailing slash. */
  base: string
  token: string
}

export interface ClientOptions {
  /** Gives up on an answer after this (JSON requests, the health probe). */
  timeoutMs: number
  /** An upload may take as long as its bytes at this rate, and never less than `timeoutMs`. */
  minUploadBytesPerSecond: number
  /** Aborts everything under way: the desk is closing or the sync was paused. */
  signal: AbortSignal
  now: () => Date
  transport: Transport
}

/** `server_error`: the backend answers, but with a 5xx (down for maintenance, a failing proxy). */
export type Reachability = 'online' | 'server_error' | 'captive_portal' | 'offline'

/**
 * Whether the network reaches the backend: a server error is not "offline" (the agent would check
 * the Wi-Fi for nothing); the records' own tries wait as it asks (Retry-After) and say why.
 */
export const reachable = (reach: Reachability): boolean => reach === 'online' || reach === 'server_error'

export interface Created {
  id: string
  missingDocuments: string[]
}

/** The longest a timer waits: beyond, Node fires it at once (and AbortSignal.timeout throws). */
export const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * How long an upload of `bytes` may take: as long as its bytes at the slowest rate the desk puts up
 * with, never less than the timeout of any request, in whole milliseconds (a timer takes no less)
 * and within what a timer can wait.
 */
export function uploadTimeoutMs(
  bytes: number,
  options: Pick<ClientOptions, 'timeoutMs' | 'minUploadBytesPerSecond'>,
): number {
  const atSlowestRate = Math.ceil((bytes * 1000) / options.minUploadBytesPerSecond)
  return Math.min(MAX_TIMER_MS, Math.max(options.timeoutMs, atSlowestRate))
}

/**
 * The registration API (contract v1) as the sync uses it, over an injected transport. A failure the
 * backend or the network explains becomes a SyncFailure that says what to do about it; anything
 * else is a bug and goes up as it is. The token is only ever in the Authorization header, never in
 * a message. Redirects are not followed: a captive portal answers with one.
 */
export class BackendClient {
  constructor(
    private readonly config: BackendConfig,
    private readonly options: ClientOptions,
  ) {}

  /** GET /v1/health: online only when the answer is our backend's (a 200 without "api":"1" is a portal). */
  async probe(): Promise<Reachability> {
    let response: TransportResponse
    try {
      response = await this.options.transport.request({
        method: 'GET',
        url: this.url('/v1/health'),
        headers: { accept: 'application/json' },
        timeoutMs: this.options.timeoutMs,
        signal: this.options.signal,
      })
    } catch (error) {
      if (error instanceof NetworkFailure) return 'offline'
      if (error instanceof AnswerTooLarge) return 'captive_portal'
      throw error
    }
    const { status } = response
    // 511 Network Authentication Required is what a Wi-Fi sign-in page answers (RFC 6585).
    if (status === 511 || (status >= 300 && status < 400)) return 'captive_portal'
    if (status !== 200) return status >= 500 ? 'server_error' : 'offline'
    const body = parseJson(response.json)
    return isRecord(body) && body['api'] === '1' ? 'online' : 'captive_portal'
  }

  /** POST /v1/registrations: creates, or replays what the backend holds under this key. */
  async createRegistration(clientId: string, body: Buffer): Promise<Created> {
    const answer = await this.call('POST', '/v1/registrations', {
      headers: { 'content-type': 'application/json', 'idempotency-key': `"${clientId}"` },
      body,
    })
    const id = serverIdOf(answer['id'])
    const missingDocuments = missingDocumentsOf(answer['missingDocuments'])
    if (!id || !missingDocuments) throw unexpected()
    return { id, missingDocuments }
  }

  /** PUT one document with its length and digest; `onProgress` follows the bytes as they go. */
  async uploadDocument(
    id: string,
    doc: { sha256: string; mediaType: string; bytes: RequestBody },
    onProgress: (sentBytes: number) => void,
  ): Promise<void> {
    const { bytes } = doc
    // The row's sha256 is the hash of exactly these bytes (the vault's AES-GCM proves they are
    // unchanged), so the digest need not be computed again.
    const digest = Buffer.from(doc.sha256, 'hex').toString('base64')
    await this.call(
      'PUT',
      `/v1/registrations/${encodeURIComponent(id)}/documents/${doc.sha256}`,
      {
        headers: {
          'content-type': doc.mediaType,
          'content-length': String(bytes.length),
          'content-digest': `sha-256=:${digest}:`,
        },
        body: bytes,
        onProgress,
      },
      uploadTimeoutMs(bytes.length, this.options),
    )
  }

  /**
   * POST submit: the status of the registration submitted. Only the contract's answer, naming this
   * registration, counts: a 2xx from a Wi-Fi login page or a proxy (`{}`, `{"status":"ok"}`) would
   * take the record out and delete its scans while the backend still awaits them.
   */
  async submit(id: string): Promise<string> {
    const answer = await this.call('POST', `/v1/registrations/${encodeURIComponent(id)}/submit`, {})
    const status = submittedStatusOf(answer['status'])
    if (answer['id'] !== id || !status) throw unexpected()
    return status
  }

  /** The status alone: its free-text reason may quote the student, and the desk shows none. */
  async registrationStatus(id: string): Promise<{ status: string }> {
    const answer = await this.call('GET', `/v1/registrations/${encodeURIComponent(id)}`, {})
    if (typeof answer['status'] !== 'string') throw unexpected()
    return { status: serverStatusOf(answer['status']) }
  }

  async requestCode(email: string): Promise<{ id: string; expiresAt: string }> {
    const answer = await this.postJson('/v1/email-verifications', { email })
    const id = serverIdOf(answer['id'])
    const expiresAt = dateTimeOf(answer['expiresAt'])
    if (!id || !expiresAt) throw unexpected()
    return { id, expiresAt }
  }

  async confirmCode(id: string, code: string): Promise<{ id: string; verifiedAt: string }> {
    const answer = await this.postJson(`/v1/email-verifications/${encodeURIComponent(id)}/confirm`, { code })
    const verifiedAt = dateTimeOf(answer['verifiedAt'])
    // The proof names the verification asked about, which the registration will carry back.
    if (answer['id'] !== id || !verifiedAt) throw unexpected()
    return { id, verifiedAt }
  }

  private postJson(path: string, value: unknown): Promise<Record<string, unknown>> {
    return this.call('POST', path, {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(value)),
    })
  }

  private async call(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    init: { headers?: Record<string, string>; body?: RequestBody; onProgress?: (sent: number) => void },
    timeoutMs = this.options.timeoutMs,
  ): Promise<Record<string, unknown>> {
    let response: TransportResponse
    try {
      response = await this.options.transport.request({
        method,
        url: this.url(path),
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.config.token}`,
          ...init.headers,
        },
        ...(init.body && { body: init.body }),
        ...(init.onProgress && { onBodyProgress: init.onProgress }),
        timeoutMs,
        signal: this.options.signal,
      })
    } catch (error) {
      if (error instanceof NetworkFailure) throw noAnswer(error)
      if (error instanceof AnswerTooLarge) throw unexpected()
      throw error
    }
    const body = parseJson(response.json)
    if (response.status >= 200 && response.status < 300) {
      if (!isRecord(body)) throw unexpected()
      return body
    }
    throw failureOf(
      response.status,
      body,
      parseRetryAfter(response.header('retry-after'), this.options.now()),
    )
  }

  private url(path: string): string {
    return this.config.base + path
  }
}

/** The body as JSON, or null when there is none or it is not JSON after all. */
function parseJson(bytes: Buffer | null): unknown {
  if (bytes === null) return null
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A 2xx that is not what the contract answers: something between the desk and the backend. */
const unexpected = () => new SyncFailure('retry', problem('unexpected_answer'))
