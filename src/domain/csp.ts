/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol in Electron and by
 * the web host in tests, so the e2e suite proves the real UI runs under the policy the desk ships.
 * No inline script, no eval, no remote origin: the page talks to nothing but its own bundle.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
