import { protocol } from 'electron'
import { contentSecurityPolicy } from '../../src/domain/csp'
import { readRendererFile } from '../core/renderer-files'
import { APP_HOST, APP_SCHEME } from './origin'

/** Must run before `app` is ready: app:// behaves like https (secure context, fetch, same-origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the built renderer under app://guichet with the desk's CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? await readRendererFile(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
