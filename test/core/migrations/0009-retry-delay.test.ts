import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { retryDelay } from '../../../electron/core/db/migrations/0009-retry-delay'

describe('migration 0009 retry-delay', () => {
  it('gives each record already waiting the wait its failure set, so a clock set back cannot stretch it', () => {
    const db = new Database(':memory:')
    const before = migrations.slice(0, retryDelay.version - 1)
    migrate(db, before)
    const insert = db.prepare(
      `INSERT INTO registrations (client_id, state, payload, created_at, updated_at, next_attempt_at)
       VALUES (?, ?, x'00', '2026-09-02T08:00:00.000Z', ?, ?)`,
    )
    // A 503 with Retry-After: 30, a backoff of 4.321 s, a wait "in the past" (the clock set forward
    // since), a Retry-After date beyond a day, and a record not waiting.
    insert.run('after-503', 'retry_wait', '2026-09-02T10:00:00.000Z', '2026-09-02T10:00:30.000Z')
    insert.run('backoff', 'retry_wait', '2026-09-02T10:00:00.000Z', '2026-09-02T10:00:04.321Z')
    insert.run('earlier', 'retry_wait', '2026-09-02T10:00:00.000Z', '2026-09-02T09:00:00.000Z')
    insert.run('beyond-a-day', 'retry_wait', '2026-09-02T10:00:00.000Z', '2026-09-05T10:00:00.000Z')
    insert.run('queued', 'queued', '2026-09-02T10:00:00.000Z', null)

    migrate(db, [...before, retryDelay])

    expect(
      db.prepare('SELECT client_id, retry_delay_ms FROM registrations ORDER BY client_id').all(),
    ).toEqual([
      { client_id: 'after-503', retry_delay_ms: 30_000 },
      { client_id: 'backoff', retry_delay_ms: 4_321 },
      { client_id: 'beyond-a-day', retry_delay_ms: 86_400_000 },
      { client_id: 'earlier', retry_delay_ms: 0 },
      { client_id: 'queued', retry_delay_ms: 0 },
    ])
    expect(db.pragma('user_version', { simple: true })).toBe(9)
  })
})
