import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { settings } from '../../../electron/core/db/migrations/0001-settings'
import { registrations } from '../../../electron/core/db/migrations/0002-registrations'

function database() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, [settings, registrations])
  return db
}

const insertRegistration = (
  db: Database.Database,
  clientId: string,
  state: string,
  emailKey: Buffer | null = null,
) =>
  db
    .prepare(
      "INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at) VALUES (?, ?, x'00', ?, 't', 't')",
    )
    .run(clientId, state, emailKey)

const insertDocument = (db: Database.Database, id: string, clientId: string, kind = 'identity') =>
  db
    .prepare(
      `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, added_at)
       VALUES (?, ?, ?, x'00', 'image/jpeg', 10, ?, 't')`,
    )
    .run(id, clientId, kind, 'a'.repeat(64))

describe('migration 0002 registrations', () => {
  it('keeps one draft at a time', () => {
    const db = database()
    insertRegistration(db, 'a', 'draft')
    expect(() => insertRegistration(db, 'b', 'draft')).toThrow(/UNIQUE/)
    insertRegistration(db, 'c', 'queued')
  })

  it('refuses a state outside the outbox machine', () => {
    expect(() => insertRegistration(database(), 'a', 'lost')).toThrow(/CHECK/)
  })

  it('refuses a second registration with the same e-mail key', () => {
    const db = database()
    insertRegistration(db, 'a', 'queued', Buffer.from('same'))
    expect(() => insertRegistration(db, 'b', 'queued', Buffer.from('same'))).toThrow(/UNIQUE/)
  })

  it('ties documents to their registration: no orphan row, and they go with it', () => {
    const db = database()
    expect(() => insertDocument(db, 'd0', 'nobody')).toThrow(/FOREIGN KEY/)
    insertRegistration(db, 'a', 'draft')
    insertDocument(db, 'd1', 'a')
    expect(() => insertDocument(db, 'd2', 'a', 'selfie')).toThrow(/CHECK/)
    db.prepare("DELETE FROM registrations WHERE client_id = 'a'").run()
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0)
  })
})
