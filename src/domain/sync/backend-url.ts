/**
 * Where the desk may send registrations: HTTPS anywhere, plain HTTP only to this machine (the
 * reference backend in demos and tests), as the API contract says. No credentials in the URL: the
 * desk token lives in the OS keychain, never in a setting.
 */
export function isAllowedBackendUrl(text: string): boolean {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return false
  }
  if (url.username || url.password || url.search || url.hash) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopback(url.hostname)
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
}

/**
 * Whether two backend addresses are the same server (scheme, host and port): a desk token goes only
 * to the origin that issued it. An address that does not parse is no one's.
 */
export function sameBackendOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

/** The base the endpoints are appended to: `https://api.example/guichet/` becomes `.../guichet`. */
export const backendBase = (url: string): string => url.trim().replace(/\/+$/, '')
