import type { Handlers } from './dispatch'
import type { Core } from './core'

/** The core's answer to every channel of the contract. */
export function createHandlers(core: Core): Handlers {
  return {
    getAppInfo: () => core.appInfo,
    getSettings: () => core.settings.get(),
    updateSettings: (patch) => core.settings.update(patch),
  }
}
