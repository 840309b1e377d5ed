import type { Database } from 'better-sqlite3'
import { statement } from './statements'

/**
 * Runs `work` (its own transactions) with commits that do not wait for the disk, for changes a power
 * cut may undo without harm. In WAL mode the database stays consistent: the log is replayed in order
 * up to the last commit that reached the disk, and the next flushed commit (synchronous=FULL, set back
 * here) flushes every earlier one with it.
 */
export function unflushed<T>(db: Database, work: () => T): T {
  statement(db, 'PRAGMA synchronous = NORMAL').run()
  try {
    return work()
  } finally {
    statement(db, 'PRAGMA synchronous = FULL').run()
  }
}
