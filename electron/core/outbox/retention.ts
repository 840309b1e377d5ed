import type { Database } from 'better-sqlite3'
import { eraseFreed } from '../db/erase'
import { unflushed } from '../db/unflushed'

const DAY_MS = 86_400_000
/** Purging is a matter of days: once an hour is soon enough, and keeps it off every sync pass. */
export const PURGE_EVERY_MS = 3_600_000

/**
 * What happens to a record after the backend has it: its status is asked again while it may still
 * change, and after the retention period only its receipt (reference, time, server id, status) stays.
 */
export class Retention {
  private lastPurgeAt: number | null = null

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly onChange: () => void,
  ) {}

  /** `purgeExpired`, at most once an hour (the first call always runs, and so does one after the clock went back). */
  purgeIfDue(retentionDays: number): number {
    const at = this.now().getTime()
    if (this.lastPurgeAt !== null && at >= this.lastPurgeAt && at - this.lastPurgeAt < PURGE_EVERY_MS)
      return 0
    this.lastPurgeAt = at
    return this.purgeExpired(retentionDays)
  }

  /**
   * Leaves only the receipt of records sent more than `retentionDays` ago: the sealed content, the
   * e-mail's keyed hash and the sent body go, and so do their e-mail verifications and any verification
   * that old whose record never came to be.
   */
  purgeExpired(retentionDays: number): number {
    const now = this.now()
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString()
    const purged = this.db.transaction(() => {
      const ids = this.db
        .prepare(
          `UPDATE registrations INDEXED BY registrations_to_purge SET payload = X'', email_key = NULL, request_body = NULL, problem = NULL,
             server_reason = NULL, purged_at = ?
           WHERE state = 'submitted' AND purged_at IS NULL AND submitted_at <= ? RETURNING client_id`,
        )
        .pluck()
        .all(now.toISOString(), cutoff) as string[]
      const forget = this.db.prepare('DELETE FROM email_verifications WHERE client_id = ?')
      for (const id of ids) forget.run(id)
      this.db
        .prepare(
          `DELETE FROM email_verifications INDEXED BY email_verifications_by_age WHERE verified_at <= ?
             AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.client_id = email_verifications.client_id)`,
        )
        .run(cutoff)
      return ids.length
    })()
    if (purged) {
      eraseFreed(this.db)
      this.onChange()
    }
    return purged
  }

  /** Sent records still kept whose status may still change, least recently checked first. */
  toRefresh(checkedBefore: Date, limit: number): { clientId: string; serverId: string }[] {
    return this.db
      .prepare(
        `SELECT client_id AS clientId, server_id AS serverId FROM registrations INDEXED BY registrations_to_refresh
         WHERE state = 'submitted' AND purged_at IS NULL AND server_id IS NOT NULL
           AND coalesce(server_status, '') NOT IN ('verified', 'rejected') AND coalesce(status_checked_at, '') < ?
         ORDER BY coalesce(status_checked_at, '') LIMIT ?`,
      )
      .all(checkedBefore.toISOString(), limit) as { clientId: string; serverId: string }[]
  }

  /**
   * The backend's status of a sent record. Its free-text reason is not kept: it may quote the
   * student, and nothing on the desk needs it. Not flushed: a status a power cut undoes is only
   * informative, and is asked again at the next refresh.
   */
  setServerStatus(clientId: string, status: string): void {
    const at = this.now().toISOString()
    const changes = unflushed(
      this.db,
      this.db.transaction(() => {
        const { changes } = this.db
          .prepare(
            `UPDATE registrations SET status_checked_at = ?, server_status = ?
           WHERE client_id = ? AND coalesce(server_status, '') != ?`,
          )
          .run(at, status, clientId, status)
        if (!changes)
          this.db
            .prepare('UPDATE registrations SET status_checked_at = ? WHERE client_id = ?')
            .run(at, clientId)
        return changes
      }),
    )
    if (changes) this.onChange()
  }
}
