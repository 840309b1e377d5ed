import http from 'node:http'
import https from 'node:https'
import { asNetworkFailure } from './network-errors'
import {
  AnswerBytes,
  NetworkFailure,
  wantsBody,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport'
import { UploadThread, type UploadThreadData } from './upload-thread'

/** Written in pieces of this size, so the queue screen sees the upload move. */
const WRITE_CHUNK = 256 * 1024

/** An answer with every header, for the upload thread to send back whole. */
export interface HttpAnswer extends TransportResponse {
  headers: Record<string, string>
}

/** How node:http(s) connects: `maxSockets` per origin, and the certificate authorities https trusts. */
export interface HttpOptions extends UploadThreadData {
  maxSockets: number
}

/**
 * node:http(s) with keep-alive agents: a Buffer is written as it is (no stream, no copy), progress
 * comes from the write callbacks, and one connection serves the three steps of many records.
 * `maxSockets` matches the records sent at the same time, plus the health probe. Larger scans are
 * read, decrypted and sent by the upload thread (see UploadThread), everything else from here.
 */
export function httpTransport({ maxSockets, ca }: HttpOptions): Transport {
  const here = inThreadHttp({ maxSockets, ca })
  const uploads = UploadThread.shared({ ca })
  return {
    request: (request) => {
      const { body } = request
      return body && !Buffer.isBuffer(body)
        ? uploads.request(request, body)
        : here.request({ ...request, body })
    },
    // The upload thread serves the whole process: what this transport has under way there is stopped by
    // its requests' signals.
    close: () => here.close(),
  }
}

/** A request whose body is bytes already. */
export type BytesRequest = Omit<TransportRequest, 'body'> & { body?: Buffer | undefined }

/** node:http(s) on the calling thread. */
export function inThreadHttp({ maxSockets, ca }: HttpOptions): {
  request(request: BytesRequest): Promise<HttpAnswer>
  close(): void
} {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets, ...(ca && { ca: [...ca] }) }),
  }
  return {
    request: async (request) => {
      const url = new URL(request.url)
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new Error(`Not an http(s) URL: ${url.protocol}`)
      return exchange(url.protocol === 'https:' ? https : http, agents[url.protocol], url, request)
    },
    close: () => {
      agents['http:'].destroy()
      agents['https:'].destroy()
    },
  }
}

function exchange(
  client: typeof http | typeof https,
  agent: http.Agent,
  url: URL,
  { method, headers, body, timeoutMs, signal, onBodyProgress }: BytesRequest,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted()
    let settled = false
    const finish = (outcome: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      outcome()
    }
    const fail = (error: unknown): void => {
      req.destroy()
      finish(() => reject(signal.aborted ? signal.reason : (asNetworkFailure(error) ?? error)))
    }
    const onAbort = (): void => fail(signal.reason)
    // A declared length spares the body chunked framing, on both sides.
    const req = client.request(url, {
      method,
      headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
      agent,
    })
    const timer = setTimeout(() => fail(new NetworkFailure('timeout', 'timeout')), timeoutMs)
    signal.addEventListener('abort', onAbort, { once: true })
    req.once('error', fail)
    req.once('response', (res) => {
      res.once('error', fail)
      const headers: Record<string, string> = {}
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
      }
      const header = (name: string): string | null => headers[name.toLowerCase()] ?? null
      const answered = (json: Buffer | null) =>
        finish(() => resolve({ status: res.statusCode ?? 0, header, headers, json }))
      try {
        if (!wantsBody(header('content-type'), header('content-length'))) {
          res.destroy()
          return answered(null)
        }
        // Events, not an async iterator: this runs four times per record.
        const answer = new AnswerBytes(() => res.destroy())
        res.on('data', (chunk: Buffer) => {
          try {
            answer.add(chunk)
          } catch (error) {
            fail(error)
          }
        })
        res.once('end', () => answered(answer.bytes()))
      } catch (error) {
        fail(error)
      }
    })
    if (!body || body.length <= WRITE_CHUNK) {
      // Headers and a small body leave in one write.
      req.end(body, () => {
        if (body) onBodyProgress?.(body.length)
      })
      return
    }
    for (let at = 0; at < body.length; at += WRITE_CHUNK) {
      const end = Math.min(body.length, at + WRITE_CHUNK)
      req.write(body.subarray(at, end), (error) => {
        if (!error) onBodyProgress?.(end)
      })
    }
    req.end()
  })
}
