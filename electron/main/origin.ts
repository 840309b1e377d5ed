/** The renderer's origin in a packaged or previewed app: a standard, secure custom scheme. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'guichet'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * Whether a URL belongs to the app. Compared on the parsed scheme and host, never by string prefix:
 * `app://guichet.evil.example` and `app://guichet@evil.example` are not the app. (`URL.origin` is
 * "null" for custom schemes in Node, so it cannot be used for app://.)
 */
export function isAppUrl(url: string, allowedOrigins: readonly string[]): boolean {
  try {
    const { protocol, host } = new URL(url)
    return allowedOrigins.includes(`${protocol}//${host}`)
  } catch {
    return false
  }
}
