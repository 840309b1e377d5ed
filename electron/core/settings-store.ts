import type { Database } from 'better-sqlite3'
import { deskSettingsSchema, type DeskSettings, type SettingsPatch } from '../../src/domain/settings'

/** Desk settings as one JSON document, read through the schema so defaults fill what was never set. */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  get(): DeskSettings {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get('desk') as
      { value: string } | undefined
    return deskSettingsSchema.validateSync(row ? JSON.parse(row.value) : {}, { stripUnknown: true })
  }

  update(patch: SettingsPatch): DeskSettings {
    const next = deskSettingsSchema.validateSync({ ...this.get(), ...patch })
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run('desk', JSON.stringify(next))
    return next
  }
}
