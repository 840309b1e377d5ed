import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { settings } from '../../../electron/core/db/migrations/0001-settings'
import { registrations } from '../../../electron/core/db/migrations/0002-registrations'
import { outbox } from '../../../electron/core/db/migrations/0003-outbox'
import { outboxIndexes } from '../../../electron/core/db/migrations/0004-outbox-indexes'
import { operators } from '../../../electron/core/db/migrations/0005-operators'
import { audit } from '../../../electron/core/db/migrations/0006-audit'

describe('migration 0006 audit', () => {
  it('makes an audit log that takes appends, refuses updates, and deletes only up to the checkpoint', () => {
    const db = new Database(':memory:')
    migrate(db, [settings, registrations, outbox, outboxIndexes, operators])
    migrate(db, [settings, registrations, outbox, outboxIndexes, operators, audit])

    const append = db.prepare(
      "INSERT INTO audit_log (seq, at, actor, action, prev, hash, mac) VALUES (?, 't', 'desk', 'lock', x'00', x'00', x'00')",
    )
    for (const seq of [1, 2, 3]) append.run(seq)
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/checkpoint/)
    db.prepare(
      "INSERT INTO audit_anchors (name, seq, hash, at, mac) VALUES ('checkpoint', 2, x'00', 't', x'00')",
    ).run()
    expect(db.prepare('DELETE FROM audit_log WHERE seq <= 2').run().changes).toBe(2)
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/checkpoint/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_anchors (name, seq, hash, at, mac) VALUES ('other', 1, x'00', 't', x'00')",
        )
        .run(),
    ).toThrow(/CHECK/)
  })
})
