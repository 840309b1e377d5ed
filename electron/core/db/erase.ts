import type { Database } from 'better-sqlite3'

/**
 * After personal data was deleted (a discard, the retention purge): with secure_delete on, SQLite
 * zeroes what it frees in the database file, but the old pages still sit in the WAL until a
 * checkpoint copies the new ones over them. TRUNCATE empties the WAL file too, so a stolen laptop's
 * files hold no trace of what was deleted, whatever key might later be found.
 */
export function eraseFreed(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}
