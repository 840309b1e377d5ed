import type { SealedFile } from '../documents/sealed-file'

/**
 * How the backend client reaches the network. Node hosts (the web host, the CLI, tests) use
 * node:http(s) with a keep-alive agent (`httpTransport`); the Electron app injects one built on
 * `net.fetch` (`fetchTransport`), so the system proxy and the OS certificate store are honoured
 * without the core importing electron.
 *
 * A transport's promise is rejected with `NetworkFailure` when, and only when, the network failed
 * (refused, reset, DNS, TLS, a timeout, a hang-up); with the signal's reason when the signal
 * aborted; and with whatever else went wrong otherwise, which is then a bug and is reported as one.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>
  /** Lets go of idle connections (the desk is closing). */
  close(): void
}

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT'
  url: string
  headers: Record<string, string>
  body?: RequestBody
  /** The whole exchange, body sent and answer read, must be over within this (whole milliseconds). */
  timeoutMs: number
  signal: AbortSignal
  /** Body bytes handed to the network so far, as they go. */
  onBodyProgress?: (sentBytes: number) => void
}

/** Bytes, or a larger scan that the transport reads and decrypts where it sends it (`readSealed`). */
export type RequestBody = Buffer | SealedFile

export interface TransportResponse {
  status: number
  header(name: string): string | null
  /**
   * The body when it is JSON by its Content-Type, read up to MAX_ANSWER_BYTES; null when it is of
   * another type (a portal's page), which is then not read at all.
   */
  json: Buffer | null
}

/** No answer of the contract comes near this; a bigger one is not our backend's. */
export const MAX_ANSWER_BYTES = 256 * 1024

export type NetworkFailureKind = 'network' | 'timeout'

export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    /** The system's code (ECONNREFUSED, net::ERR_NAME_NOT_RESOLVED...), for support. */
    override readonly cause: string,
  ) {
    super(kind === 'timeout' ? 'No answer in time' : `Network failure (${cause})`)
    this.name = 'NetworkFailure'
  }
}

/** An answer bigger than MAX_ANSWER_BYTES: a proxy's or a portal's, not the backend's. */
export class AnswerTooLarge extends Error {
  constructor() {
    super(`An answer over ${MAX_ANSWER_BYTES} bytes`)
    this.name = 'AnswerTooLarge'
  }
}

export const isJson = (contentType: string | null): boolean =>
  /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType?.trim() ?? '')

/**
 * Whether an answer's body is worth reading: only JSON is (a portal's page is left unread), and
 * never one that declares more than MAX_ANSWER_BYTES (AnswerTooLarge before a byte is read).
 */
export function wantsBody(contentType: string | null, contentLength: string | null): boolean {
  if (!isJson(contentType)) return false
  if (contentLength !== null && Number(contentLength) > MAX_ANSWER_BYTES) throw new AnswerTooLarge()
  return true
}

/** An answer's bytes as they come, refused past MAX_ANSWER_BYTES (the rest is let go). */
export class AnswerBytes {
  private readonly chunks: Uint8Array[] = []
  private size = 0

  constructor(private readonly discard: () => void) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength
    if (this.size > MAX_ANSWER_BYTES) {
      this.discard()
      throw new AnswerTooLarge()
    }
    this.chunks.push(chunk)
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.size)
  }
}
