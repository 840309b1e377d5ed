import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { draftOpened } from '../../../electron/core/db/migrations/0007-draft-opened'

describe('migration 0007 draft-opened', () => {
  it('gives the draft in progress its first save as opening time, and queued records none', () => {
    const db = new Database(':memory:')
    const before = migrations.slice(0, draftOpened.version - 1)
    migrate(db, before)
    const insert = db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES (?, ?, x'00', ?, ?)",
    )
    insert.run('draft', 'draft', '2026-09-02T09:58:00.000Z', '2026-09-02T10:20:00.000Z')
    insert.run('queued', 'queued', '2026-09-01T15:00:00.000Z', '2026-09-01T15:05:00.000Z')

    migrate(db, [...before, draftOpened])

    expect(db.prepare('SELECT client_id, opened_at FROM registrations ORDER BY client_id').all()).toEqual([
      { client_id: 'draft', opened_at: '2026-09-02T09:58:00.000Z' },
      { client_id: 'queued', opened_at: null },
    ])
    expect(db.pragma('user_version', { simple: true })).toBe(7)
  })
})
