import type { Database } from 'better-sqlite3'
import { cappedDeadline } from '../deadline'

/** Waiting records whose retry time lies further from `now` than their wait (1 ms spares rounding). */
const STRETCHED = `SELECT client_id, next_attempt_at, retry_delay_ms FROM registrations INDEXED BY registrations_due
  WHERE state = 'retry_wait' AND coalesce(next_attempt_at, captured_at) > @now
    AND julianday(next_attempt_at) - julianday(@now) > (retry_delay_ms + 1) / 86400000.0`
/** Sent records checked "after" now: as checked now, so their next check is one refresh interval away. */
const CHECKED_LATER = `UPDATE registrations INDEXED BY registrations_to_refresh SET status_checked_at = @now
  WHERE state = 'submitted' AND purged_at IS NULL AND server_id IS NOT NULL
    AND coalesce(server_status, '') NOT IN ('verified', 'rejected') AND coalesce(status_checked_at, '') > @now`

/**
 * The times the outbox stores that a clock set back would stretch, brought back before anything reads
 * them (the due search, the sync's timer, the queue screen, the status refresh), so all of them agree:
 * - each waiting record's retry time (`next_attempt_at`), to no further from now than the wait it was
 *   given (`retry_delay_ms`: its backoff, or a longer Retry-After). The times stay absolute in the
 *   table, so the due search stays a walk of registrations_due;
 * - a sent record's last status check, to no later than now: its next check is then at most one
 *   refresh interval away, where a clock set back three hours held it off three hours more.
 * A clock set forward only makes them due early.
 *
 * Only a clock that went back can stretch them (each is written from the time then), so the rewrite
 * runs on the first look (the clock may have gone back while the desk was off) and whenever the time
 * read is earlier than the one read before; otherwise a look costs nothing.
 */
export class ClockSetBack {
  private latest: number | null = null

  constructor(private readonly db: Database) {}

  /** Whether a retry time changed (the queue screen shows them). */
  settle(now: Date): boolean {
    const at = now.getTime()
    const wentBack = this.latest === null || at < this.latest
    this.latest = at
    return wentBack && this.bringBack(now)
  }

  private bringBack(now: Date): boolean {
    const at = now.getTime()
    return this.db.transaction(() => {
      this.db.prepare(CHECKED_LATER).run({ now: now.toISOString() })
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
      return rows.length > 0
    })()
  }
}
