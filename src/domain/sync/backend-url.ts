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

/** The base the endpoints are appended to: `https://api.example/guichet/` becomes `.../guichet`. */
export const backendBase = (url: string): string => url.trim().replace(/\/+$/, '')
