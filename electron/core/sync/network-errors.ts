import { NetworkFailure } from './transport'

/**
 * The system error codes that mean the network failed, not the desk: a refused, reset or cut
 * connection, a name that does not resolve, no route, a TLS handshake that failed (a portal that
 * intercepts https, a certificate the OS does not trust). Node's codes, undici's, and Chromium's
 * (net.fetch) by prefix.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENETRESET',
  'EADDRNOTAVAIL',
  'EPROTO',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/**
 * `error` as a NetworkFailure when it is one (looking through `cause`, where fetch puts the system
 * error), or null when it is anything else: a bug, to be reported as such.
 */
export function asNetworkFailure(error: unknown): NetworkFailure | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof NetworkFailure) return e
    if (e.name === 'TimeoutError') return new NetworkFailure('timeout', 'timeout')
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return new NetworkFailure('network', code)
    // Chromium's network stack (Electron's net.fetch) names its failures net::ERR_*.
    const chromium = /\bnet::(ERR_[A-Z_]+)/.exec(e.message)
    if (chromium) {
      const timedOut = chromium[1] === 'ERR_TIMED_OUT' || chromium[1] === 'ERR_CONNECTION_TIMED_OUT'
      return new NetworkFailure(timedOut ? 'timeout' : 'network', chromium[1]!)
    }
  }
  return null
}
