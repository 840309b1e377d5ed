import type { DeskSettings, SettingsPatch } from '../../../src/domain/settings'
import type { Core } from '../core'
import type { AdminVia } from './admin-actions'

/**
 * Writes settings as an admin changes them (Settings screen, CLI, enrollment) and makes them take
 * effect: the scanner folder followed, the sync woken (a new address may make the desk online now),
 * and the change announced by the names of the keys that changed.
 */
export function applySettings(
  core: Pick<Core, 'settings' | 'scans' | 'sync' | 'adminActions'>,
  patch: SettingsPatch,
  via: AdminVia,
): DeskSettings {
  const before = core.settings.get()
  const next = core.settings.update(patch)
  core.scans.follow(next.scannerFolder)
  core.sync.kick()
  const keys = (Object.keys(next) as (keyof DeskSettings)[]).filter((key) => next[key] !== before[key])
  if (keys.length) core.adminActions.emit({ kind: 'settings_changed', keys, via })
  return next
}
