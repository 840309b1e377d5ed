import type { Core } from '../core'

/**
 * Starts the desk's background sync for a core opened for the app (Electron, the web host): it
 * runs at once, then on its timer, after each registration queued, and until `core.close()`.
 */
export function startSync(core: Core): void {
  core.sync.start()
}
