import { readSealed } from '../documents/sealed-file'
import { asNetworkFailure } from './network-errors'
import { AnswerBytes, NetworkFailure, wantsBody, type Transport } from './transport'

/** The part of fetch a transport needs: the WHATWG one, which Electron's `net.fetch` also is. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>

/**
 * A transport over a fetch function. The Electron app gives it `net.fetch`, Chromium's network
 * stack: the system proxy (PAC included) and the OS certificate store are honoured, which
 * node:http would not do. The body goes as one Buffer, whose length fetch declares itself
 * (Content-Length is a header fetch forbids a page to set); so progress moves per document, when
 * the answer comes, not per piece.
 */
export function fetchTransport(fetchFn: FetchFunction): Transport {
  return {
    async request({ method, url, headers, body, timeoutMs, signal, onBodyProgress }) {
      const deadline = new AbortController()
      const timer = setTimeout(() => deadline.abort(new NetworkFailure('timeout', 'timeout')), timeoutMs)
      const both = AbortSignal.any([signal, deadline.signal])
      try {
        const whole = body && (Buffer.isBuffer(body) ? body : await readSealed(body))
        const response = await fetchFn(url, {
          method,
          headers: withoutLength(headers),
          redirect: 'manual',
          signal: both,
          ...(whole && { body: whole }),
        } as RequestInit)
        if (body) onBodyProgress?.(body.length)
        const header = (name: string) => response.headers.get(name)
        const discard = () => void response.body?.cancel().catch(() => {})
        if (!response.body || !wantsBody(header('content-type'), header('content-length'))) {
          discard()
          return { status: response.status, header, json: null }
        }
        const answer = new AnswerBytes(discard)
        for await (const chunk of response.body as AsyncIterable<Uint8Array>) answer.add(chunk)
        return { status: response.status, header, json: answer.bytes() }
      } catch (error) {
        if (signal.aborted) throw signal.reason
        if (deadline.signal.aborted) throw deadline.signal.reason
        throw asNetworkFailure(error) ?? error
      } finally {
        clearTimeout(timer)
      }
    },
    close: () => {},
  }
}

const withoutLength = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-length'))
