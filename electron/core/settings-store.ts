import type { Database } from 'better-sqlite3'
import { deskSettingsSchema, type DeskSettings, type SettingsPatch } from '../../src/domain/settings'
import { readDocument, writeDocument } from './settings-table'

const KEY = 'desk'

/** Desk settings as one JSON document, read through the schema so defaults fill what was never set. */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  get(): DeskSettings {
    return deskSettingsSchema.validateSync(readDocument(this.db, KEY) ?? {}, { stripUnknown: true })
  }

  update(patch: SettingsPatch): DeskSettings {
    // A key present but undefined (a patch schema's absent field) keeps the stored value.
    const given = Object.entries(patch).filter(([, value]) => value !== undefined)
    const next = deskSettingsSchema.validateSync({ ...this.get(), ...Object.fromEntries(given) })
    writeDocument(this.db, KEY, next)
    return next
  }
}
