import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { vaultIssued } from '../../../electron/core/db/migrations/0010-vault-issued'

describe('migration 0010 vault-issued', () => {
  it('lists the documents already stored as issued by this database, and nothing else', () => {
    const db = new Database(':memory:')
    const before = migrations.slice(0, vaultIssued.version - 1)
    migrate(db, before)
    db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES ('r1', 'queued', x'00', '2026-09-01T15:00:00.000Z', '2026-09-01T15:00:00.000Z')",
    ).run()
    const ids = ['5d0e3f7a-1c2b-4e8f-9a6d-0b1c2d3e4f50', 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d']
    for (const id of ids) {
      db.prepare(
        "INSERT INTO documents (id, client_id, kind, meta, sha256, media_type, size, added_at) VALUES (?, 'r1', 'identity', x'00', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'image/jpeg', 204321, '2026-09-01T15:00:00.000Z')",
      ).run(id)
    }

    migrate(db, [...before, vaultIssued])

    expect(db.prepare('SELECT id FROM vault_issued ORDER BY id').pluck().all()).toEqual(ids.sort())
    expect(db.pragma('user_version', { simple: true })).toBe(10)
  })
})
