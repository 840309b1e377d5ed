import { Readable } from 'node:stream'
import { parseRetryAfter } from './backoff'
import { failureOf, noAnswer, problem, SyncFailure } from './failure'

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
}

export type Reachability = 'online' | 'captive_portal' | 'offline'

export interface Created {
  id: string
  missingDocuments: string[]
}

const UPLOAD_CHUNK = 256 * 1024

/**
 * The registration API (contract v1) as the sync uses it, with fetch. Every failure becomes a
 * SyncFailure that says what to do about it; the token is only ever in the Authorization header,
 * never in a message. Redirects are not followed: a captive portal answers with one.
 */
export class BackendClient {
  constructor(
    private readonly config: BackendConfig,
    private readonly options: ClientOptions,
  ) {}

  /** GET /v1/health: online only when the answer is our backend's (a 200 without "api":"1" is a portal). */
  async probe(): Promise<Reachability> {
    try {
      const response = await fetch(this.url('/v1/health'), {
        redirect: 'manual',
        signal: this.signal(this.options.timeoutMs),
      })
      const body = await readJson(response)
      if (response.status !== 200)
        return response.status >= 300 && response.status < 400 ? 'captive_portal' : 'offline'
      return isRecord(body) && body['api'] === '1' ? 'online' : 'captive_portal'
    } catch (error) {
      if (this.options.signal.aborted) throw error
      return 'offline'
    }
  }

  /** POST /v1/registrations: creates, or replays what the backend holds under this key. */
  async createRegistration(clientId: string, body: Buffer): Promise<Created> {
    const answer = await this.call('POST', '/v1/registrations', {
      headers: { 'content-type': 'application/json', 'idempotency-key': `"${clientId}"` },
      body: new Uint8Array(body),
    })
    const id = answer['id']
    const missing = answer['missingDocuments']
    if (typeof id !== 'string' || !Array.isArray(missing)) throw unexpected()
    return { id, missingDocuments: missing.map(String) }
  }

  /** PUT one document, streamed so the queue screen can show its progress, with its length and digest. */
  async uploadDocument(
    id: string,
    doc: { sha256: string; mediaType: string; bytes: Buffer },
    onProgress: (sentBytes: number) => void,
  ): Promise<void> {
    const { bytes } = doc
    // The row's sha256 is the hash of exactly these bytes (the vault's AES-GCM proves they are
    // unchanged), so the digest need not be computed again.
    const digest = Buffer.from(doc.sha256, 'hex').toString('base64')
    const timeoutMs = Math.max(
      this.options.timeoutMs,
      (bytes.length / this.options.minUploadBytesPerSecond) * 1000,
    )
    await this.call(
      'PUT',
      `/v1/registrations/${encodeURIComponent(id)}/documents/${doc.sha256}`,
      {
        headers: {
          'content-type': doc.mediaType,
          'content-length': String(bytes.length),
          'content-digest': `sha-256=:${digest}:`,
        },
        body: Readable.from(chunks(bytes, onProgress)),
        duplex: 'half',
      },
      timeoutMs,
    )
  }

  async submit(id: string): Promise<string> {
    const answer = await this.call('POST', `/v1/registrations/${encodeURIComponent(id)}/submit`, {})
    return typeof answer['status'] === 'string' ? answer['status'] : 'submitted'
  }

  async registrationStatus(id: string): Promise<{ status: string; reason: string | null }> {
    const answer = await this.call('GET', `/v1/registrations/${encodeURIComponent(id)}`, {})
    if (typeof answer['status'] !== 'string') throw unexpected()
    return {
      status: answer['status'],
      reason: typeof answer['reason'] === 'string' ? answer['reason'] : null,
    }
  }

  async requestCode(email: string): Promise<{ id: string; expiresAt: string }> {
    const answer = await this.postJson('/v1/email-verifications', { email })
    return { id: String(answer['id']), expiresAt: String(answer['expiresAt']) }
  }

  async confirmCode(id: string, code: string): Promise<{ id: string; verifiedAt: string }> {
    const answer = await this.postJson(`/v1/email-verifications/${encodeURIComponent(id)}/confirm`, { code })
    if (typeof answer['verifiedAt'] !== 'string') throw unexpected()
    return { id: String(answer['id']), verifiedAt: answer['verifiedAt'] }
  }

  private postJson(path: string, value: unknown): Promise<Record<string, unknown>> {
    return this.call('POST', path, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(value),
    })
  }

  private async call(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit | Readable; duplex?: 'half' },
    timeoutMs = this.options.timeoutMs,
  ): Promise<Record<string, unknown>> {
    let response: Response
    let body: unknown
    try {
      response = await fetch(this.url(path), {
        method,
        redirect: 'manual',
        signal: this.signal(timeoutMs),
        ...init,
        body: init.body as BodyInit,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.config.token}`,
          ...init.headers,
        },
      } as RequestInit)
      body = await readJson(response)
    } catch (error) {
      if (this.options.signal.aborted) throw error
      throw noAnswer(error)
    }
    if (response.ok) {
      if (!isRecord(body)) throw unexpected()
      return body
    }
    throw failureOf(
      response.status,
      body,
      parseRetryAfter(response.headers.get('retry-after'), this.options.now()),
    )
  }

  private url(path: string): string {
    return this.config.base + path
  }

  private signal(timeoutMs: number): AbortSignal {
    return AbortSignal.any([this.options.signal, AbortSignal.timeout(timeoutMs)])
  }
}

function* chunks(bytes: Buffer, onProgress: (sent: number) => void): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK) {
    const chunk = bytes.subarray(at, at + UPLOAD_CHUNK)
    yield chunk
    onProgress(Math.min(bytes.length, at + chunk.length))
  }
}

/** The body as JSON, or null when it is not JSON (a portal's page, an empty answer). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!response.headers.get('content-type')?.includes('json')) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** A 2xx that is not what the contract answers: something between the desk and the backend. */
const unexpected = () => new SyncFailure('retry', problem('unexpected_answer'))
