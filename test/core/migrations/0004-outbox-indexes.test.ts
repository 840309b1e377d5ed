import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { registrationStates } from '../../../src/domain/queue/states'

const STATES = registrationStates
const before = migrations.slice(0, 3)

const insert = (db: Database.Database, clientId: string, state: string) =>
  db
    .prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at) VALUES (?, ?, x'00', 't', 't')",
    )
    .run(clientId, state)

const kept = (db: Database.Database) =>
  Object.fromEntries(
    (db.prepare('SELECT state, n FROM outbox_counts').all() as { state: string; n: number }[]).map((r) => [
      r.state,
      r.n,
    ]),
  )
const counted = (db: Database.Database) =>
  Object.fromEntries(
    STATES.map((state) => [
      state,
      db.prepare('SELECT count(*) FROM registrations WHERE state = ?').pluck().get(state),
    ]),
  )

describe('migration 0004 outbox indexes and counts', () => {
  it('counts the records already there, keeps them, and drops nothing but indexes', () => {
    const db = new Database(':memory:')
    migrate(db, before)
    insert(db, 'a', 'queued')
    insert(db, 'b', 'queued')
    insert(db, 'c', 'submitted')
    insert(db, 'd', 'draft')

    migrate(db, migrations)

    expect(kept(db)).toEqual({ ...counted(db), queued: 2, submitted: 1, draft: 1 })
    expect(db.prepare('SELECT client_id FROM registrations ORDER BY client_id').pluck().all()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('keeps the counts equal to the rows through any inserts, changes of state and deletions', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), id: fc.nat(20), state: fc.constantFrom(...STATES) }),
      fc.record({ kind: fc.constant('update' as const), id: fc.nat(20), state: fc.constantFrom(...STATES) }),
      fc.record({ kind: fc.constant('touch' as const), id: fc.nat(20) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.nat(20) }),
    )
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const db = new Database(':memory:')
        migrate(db, migrations)
        for (const op of operations) {
          const id = `r${op.id}`
          if (op.kind === 'insert') {
            // A second draft or a taken clientId is refused by the schema: the counts must not move.
            try {
              insert(db, id, op.state)
            } catch {
              /* refused, as it should be */
            }
          } else if (op.kind === 'update') {
            try {
              db.prepare('UPDATE registrations SET state = ? WHERE client_id = ?').run(op.state, id)
            } catch {
              /* a second draft is refused */
            }
          } else if (op.kind === 'touch') {
            db.prepare(
              'UPDATE registrations SET state = state, attempts = attempts + 1 WHERE client_id = ?',
            ).run(id)
          } else db.prepare('DELETE FROM registrations WHERE client_id = ?').run(id)
        }
        expect(kept(db)).toEqual(counted(db))
        db.close()
      }),
    )
  })

  it('forgets the e-mail verification of a deleted record', () => {
    const db = new Database(':memory:')
    migrate(db, migrations)
    insert(db, 'a', 'draft')
    db.prepare(
      "INSERT INTO email_verifications (client_id, verification_id, email_key, verified_at) VALUES ('a', 'v', x'01', 't')",
    ).run()
    db.prepare("DELETE FROM registrations WHERE client_id = 'a'").run()
    expect(db.prepare('SELECT count(*) FROM email_verifications').pluck().get()).toBe(0)
  })
})
