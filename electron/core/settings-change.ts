import type { DeskSettings, SettingsPatch } from '../../src/domain/settings'
import type { Core } from './core'

const originOf = (url: string) => (url ? new URL(url).origin : '')

/**
 * Applies an admin's change to the settings, with what follows from it. A token belongs to the backend
 * that issued it: pointing the desk at another origin deletes it, so it is never sent to a server an
 * intruder chose (a new one is provisioned for the new backend). The audit log records which settings
 * changed, by name only.
 */
export async function changeSettings(core: Core, patch: SettingsPatch): Promise<DeskSettings> {
  const before = core.settings.get()
  const next = core.settings.update(patch)
  if (before.backendUrl && originOf(before.backendUrl) !== originOf(next.backendUrl)) {
    await core.deskToken.clear()
    core.sync.tokenChanged()
  }
  const changed = (Object.keys(next) as (keyof DeskSettings)[])
    .filter((key) => before[key] !== next[key])
    .sort()
  if (changed.length) core.audit.record({ action: 'settings_changed', detail: { settings: changed } })
  core.scans.follow(next.scannerFolder)
  // A new backend address may make the desk online now, not at the next timer.
  core.sync.kick()
  return next
}
