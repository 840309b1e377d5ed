import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { documentBinding } from '../../../electron/core/db/migrations/0008-document-binding'

describe('migration 0008 document-binding', () => {
  it('marks the rows already there as sealed the first way, and rows added after as bound', () => {
    const db = new Database(':memory:')
    const before = migrations.slice(0, documentBinding.version - 1)
    migrate(db, before)
    db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES ('r1', 'queued', x'00', 't', 't')",
    ).run()
    const insert = db.prepare(
      `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, added_at)
       VALUES (?, 'r1', 'identity', x'00', 'application/pdf', 204321, ?, 't')`,
    )
    insert.run('old', 'a'.repeat(64))

    migrate(db, [...before, documentBinding])
    insert.run('new', 'b'.repeat(64))

    expect(db.prepare('SELECT id, meta_format FROM documents ORDER BY id').all()).toEqual([
      { id: 'new', meta_format: 2 },
      { id: 'old', meta_format: 1 },
    ])
    expect(db.prepare('SELECT documents_seal FROM registrations').pluck().get()).toBeNull()
    expect(() => db.prepare("UPDATE documents SET meta_format = 3 WHERE id = 'new'").run()).toThrow(/CHECK/)
    expect(db.pragma('user_version', { simple: true })).toBe(8)
  })
})
