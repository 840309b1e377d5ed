import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { settings } from '../../../electron/core/db/migrations/0001-settings'
import { registrations } from '../../../electron/core/db/migrations/0002-registrations'
import { outbox } from '../../../electron/core/db/migrations/0003-outbox'
import { outboxIndexes } from '../../../electron/core/db/migrations/0004-outbox-indexes'
import { operators } from '../../../electron/core/db/migrations/0005-operators'

describe('migration 0005 operators', () => {
  it('adds operators and one wrong-PIN counter per subject to a desk that has records', () => {
    const db = new Database(':memory:')
    migrate(db, [settings, registrations, outbox, outboxIndexes])
    db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES ('a', 'queued', x'00', 't', 't')",
    ).run()

    migrate(db, [settings, registrations, outbox, outboxIndexes, operators])

    expect(db.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(1)
    db.prepare(
      "INSERT INTO operators (id, name, pin_hash, added_at) VALUES ('op-aaaaaa', x'01', 'scrypt:x:y', 't')",
    ).run()
    const tries = db.prepare("INSERT INTO pin_tries (subject) VALUES ('admin')")
    tries.run()
    expect(() => tries.run()).toThrow(/UNIQUE/)
    expect(db.prepare('SELECT failures, lockouts, locked_until FROM pin_tries').get()).toEqual({
      failures: 0,
      lockouts: 0,
      locked_until: 0,
    })
  })
})
