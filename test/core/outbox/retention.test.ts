import type { Database } from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open'
import { Outbox } from '../../../electron/core/outbox/outbox'

const DAY = 86_400_000
const MINUTE = 60_000
const start = Date.UTC(2026, 9, 1, 9)
let dir: string
let db: Database
let now: number
let outbox: Outbox

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-retention-'))
  db = openDatabase(join(dir, 'desk.sqlite'))
  now = start
  outbox = new Outbox(db, randomBytes(32), () => new Date(now))
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A record the backend received `daysAgo` days before `start`, verified at the desk. */
function sent(clientId: string, daysAgo: number): void {
  const at = new Date(start - daysAgo * DAY).toISOString()
  db.prepare(
    `INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at, captured_at,
       server_id, submitted_at, server_status)
     VALUES (?, 'submitted', x'0102', randomblob(32), ?, ?, ?, ?, ?, 'pending')`,
  ).run(clientId, at, at, at, `srv-${clientId}`, at)
  db.prepare(
    "INSERT INTO email_verifications (client_id, verification_id, email_key, verified_at) VALUES (?, 'v', x'01', ?)",
  ).run(clientId, at)
}

const purged = (clientId: string) =>
  db.prepare('SELECT purged_at IS NOT NULL FROM registrations WHERE client_id = ?').pluck().get(clientId)
const verified = (clientId: string) =>
  db.prepare('SELECT count(*) FROM email_verifications WHERE client_id = ?').pluck().get(clientId)

describe('retention', () => {
  it('purges at most once an hour, to a receipt, with the e-mail verification', () => {
    sent('old', 31)
    sent('recent', 29)
    expect(outbox.purgeIfDue(30)).toBe(1)
    expect([purged('old'), verified('old')]).toEqual([1, 0])
    expect([purged('recent'), verified('recent')]).toEqual([0, 1])

    // 'recent' reaches its 30 days at start + 1 day.
    now = start + DAY - 30 * MINUTE
    expect(outbox.purgeIfDue(30)).toBe(0)
    now = start + DAY + 20 * MINUTE
    // Past its 30 days now, but the last purge was under an hour ago.
    expect(outbox.purgeIfDue(30)).toBe(0)
    expect(purged('recent')).toBe(0)
    now += 11 * MINUTE
    expect(outbox.purgeIfDue(30)).toBe(1)
    expect([purged('recent'), verified('recent')]).toEqual([1, 0])
    expect(
      db
        .prepare("SELECT length(payload), email_key, server_id FROM registrations WHERE client_id = 'old'")
        .raw()
        .get(),
    ).toEqual([0, null, 'srv-old'])
  })

  it('forgets a verification older than the retention whose record never came to be, not a younger one', () => {
    const verify = (clientId: string, daysAgo: number) =>
      db
        .prepare(
          "INSERT INTO email_verifications (client_id, verification_id, email_key, verified_at) VALUES (?, 'v', x'01', ?)",
        )
        .run(clientId, new Date(start - daysAgo * DAY).toISOString())
    verify('never-saved', 31)
    verify('being-typed', 0)
    outbox.purgeExpired(30)
    expect([verified('never-saved'), verified('being-typed')]).toEqual([0, 1])
  })

  it('asks again for the status of sent records still kept, least recently checked first, never a final one', () => {
    sent('a', 3)
    sent('b', 2)
    sent('c', 1)
    db.prepare("UPDATE registrations SET server_status = 'verified' WHERE client_id = 'b'").run()
    db.prepare("UPDATE registrations SET status_checked_at = ? WHERE client_id = 'a'").run(
      new Date(start - DAY / 2).toISOString(),
    )
    expect(outbox.toRefresh(new Date(start), 10).map((r) => r.clientId)).toEqual(['c', 'a'])
    outbox.setServerStatus('c', 'pending')
    expect(outbox.toRefresh(new Date(start), 10).map((r) => r.clientId)).toEqual(['a'])
  })
})
