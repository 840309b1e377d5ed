import type { Database } from 'better-sqlite3'
import { referenceOf } from '../../../src/domain/queue/reference'
import type { AuditLog } from './audit-log'

const DAY_MS = 86_400_000

/**
 * Prunes the audit entries older than the retention period whose record (named by reference) is no
 * longer held with its personal data on this desk. Entries naming other things (an operator id) go
 * by age alone. The references are computed only when some entry is old enough to go.
 */
export function pruneAudit(db: Database, audit: AuditLog, retentionDays: number, now: Date): number {
  let held: Set<string> | undefined
  const stillHeld = (subject: string) => {
    held ??= new Set(
      (
        db.prepare('SELECT client_id FROM registrations WHERE purged_at IS NULL').pluck().all() as string[]
      ).map(referenceOf),
    )
    return held.has(subject)
  }
  return audit.prune(new Date(now.getTime() - retentionDays * DAY_MS), stillHeld)
}
