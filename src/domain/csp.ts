/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol in Electron and by
 * the web host in tests, so the e2e suite proves the real UI runs under the policy the desk ships.
 * No inline script, no eval, no remote origin: the page talks to nothing but its own bundle. Workers
 * come from the bundle too (pdf.js's worker is a file of the app), never from a blob: URL.
 */
const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/**
 * The same policy as index.html's <meta> tag carries it, so that the page is confined even where no
 * header comes with it (a page opened from disk, a host that forgot it). frame-ancestors has no
 * effect in a meta tag, so it travels in the header only.
 */
export const metaContentSecurityPolicy = directives.join('; ')

export const contentSecurityPolicy = [...directives, "frame-ancestors 'none'"].join('; ')
