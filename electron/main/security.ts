import type { Session, WebContents } from 'electron'

/** Permissions the renderer may be granted. The desk needs none: files come through the core. */
const grantedPermissions: ReadonlySet<string> = new Set()

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(grantedPermissions.has(permission)),
  )
  session.setPermissionCheckHandler((_contents, permission) => grantedPermissions.has(permission))
}

/**
 * Every web contents stays on the app: no navigation elsewhere, no new windows, no webviews.
 * Links meant for a browser are not followed; the desk has no business opening arbitrary URLs.
 */
export function confineWebContents(contents: WebContents, isAllowed: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowed(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowed(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
