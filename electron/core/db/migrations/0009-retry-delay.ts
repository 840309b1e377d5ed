import type { Migration } from '../migration'

/**
 * `retry_delay_ms`, the wait a record waiting to retry was given, beside its retry time: with the
 * system clock set back, a retry time is brought back to no further than that wait from now
 * (outbox/retry-waits.ts). Records already waiting were given `next_attempt_at - updated_at` (both
 * written by the same failure), bounded as a wait is: 0 to a day (the longest Retry-After honoured).
 */
export const retryDelay: Migration = {
  version: 9,
  name: 'retry-delay',
  up(db) {
    db.exec(`
      ALTER TABLE registrations ADD COLUMN retry_delay_ms INTEGER NOT NULL DEFAULT 0;
      UPDATE registrations
        SET retry_delay_ms = max(0, min(86400000,
          CAST(round((julianday(next_attempt_at) - julianday(updated_at)) * 86400000) AS INTEGER)))
        WHERE state = 'retry_wait' AND next_attempt_at IS NOT NULL;
    `)
  },
}
