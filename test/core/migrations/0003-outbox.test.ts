import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { settings } from '../../../electron/core/db/migrations/0001-settings'
import { registrations } from '../../../electron/core/db/migrations/0002-registrations'
import { outbox } from '../../../electron/core/db/migrations/0003-outbox'

describe('migration 0003 outbox', () => {
  it('adds the sync columns to records already queued, keeping them, and one verification per record', () => {
    const db = new Database(':memory:')
    migrate(db, [settings, registrations])
    db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES ('a', 'queued', x'00', 't', 't')",
    ).run()

    migrate(db, [settings, registrations, outbox])

    expect(db.prepare('SELECT state, request_body, problem, server_status FROM registrations').get()).toEqual(
      {
        state: 'queued',
        request_body: null,
        problem: null,
        server_status: null,
      },
    )
    const insert = db.prepare(
      "INSERT INTO email_verifications (client_id, verification_id, email_key, verified_at) VALUES ('a', 'v', x'01', 't')",
    )
    insert.run()
    expect(() => insert.run()).toThrow(/UNIQUE/)
  })
})
