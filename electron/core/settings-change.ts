import type { DeskSettings, SettingsPatch } from '../../src/domain/settings'
import { sameBackendOrigin } from '../../src/domain/sync/backend-url'
import { applySettings } from './admin/apply-settings'
import type { AdminVia } from './admin/admin-actions'
import type { Core } from './core'

/**
 * An admin's change to the settings (Settings screen, `desk settings set`). A token belongs to the
 * backend that issued it: pointing the desk at another origin deletes it, so it is never sent to a
 * server an intruder chose; a new one is provisioned for the new backend (enrollment brings its own
 * token with the address, so it goes through `applySettings` alone).
 */
export async function changeSettings(core: Core, patch: SettingsPatch, via: AdminVia): Promise<DeskSettings> {
  const before = core.settings.get()
  const next = applySettings(core, patch, via)
  if (before.backendUrl && !sameBackendOrigin(before.backendUrl, next.backendUrl)) {
    await core.deskToken.clear()
    core.sync.tokenChanged()
  }
  return next
}
