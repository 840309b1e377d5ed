import type { Database } from 'better-sqlite3'
import { cappedDeadline } from '../deadline'

/** Waiting records whose retry time lies further from `now` than their wait (1 ms spares rounding). */
const STRETCHED = `SELECT client_id, next_attempt_at, retry_delay_ms FROM registrations INDEXED BY registrations_due
  WHERE state = 'retry_wait' AND coalesce(next_attempt_at, captured_at) > @now
    AND julianday(next_attempt_at) - julianday(@now) > (retry_delay_ms + 1) / 86400000.0`

/**
 * Keeps each waiting record's retry time (`next_attempt_at`) no further from now than the wait it
 * was given (`retry_delay_ms`: its backoff, or a longer Retry-After). The times stay absolute in the
 * table, so the due search stays a walk of registrations_due; what a clock set back would stretch
 * is rewritten there, once, before anything reads them (the due search, the sync's timer, the queue
 * screen), so all of them agree. A clock set forward only makes records due early.
 *
 * Only a clock that went back can stretch a wait (a retry time is written as now + its wait), so
 * the rewrite runs on the first look (the clock may have gone back while the desk was off) and
 * whenever the time read is earlier than the one read before; otherwise a look costs nothing.
 */
export class RetryWaits {
  private latest: number | null = null

  constructor(private readonly db: Database) {}

  settle(now: Date): void {
    const at = now.getTime()
    const wentBack = this.latest === null || at < this.latest
    this.latest = at
    if (wentBack) this.capAll(now)
  }

  private capAll(now: Date): void {
    const at = now.getTime()
    this.db.transaction(() => {
      const rows = this.db.prepare(STRETCHED).all({ now: now.toISOString() }) as {
        client_id: string
        next_attempt_at: string
        retry_delay_ms: number
      }[]
      const set = this.db.prepare('UPDATE registrations SET next_attempt_at = ? WHERE client_id = ?')
      for (const row of rows) {
        const until = cappedDeadline(Date.parse(row.next_attempt_at), row.retry_delay_ms, at)
        set.run(new Date(until).toISOString(), row.client_id)
      }
    })()
  }
}
