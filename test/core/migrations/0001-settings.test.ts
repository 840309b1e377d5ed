import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { settings } from '../../../electron/core/db/migrations/0001-settings'

describe('migration 0001 settings', () => {
  it('creates a key/value table with one row per key and no empty value', () => {
    const db = new Database(':memory:')
    settings.up(db)
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('desk', '{}')
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('desk', '{}')).toThrow(
      /UNIQUE/,
    )
    expect(() => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('n', null)).toThrow(
      /NOT NULL/,
    )
  })
})
