import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../../src/domain/result'

/** SQLite's words for a damaged file: a page that does not parse, or no database at all. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
}

/** The desk databases open in this process, and those a damaged page was met in. */
const inUse = new Set<Database>()
const damaged = new WeakSet<Database>()

export function watchForDamage(db: Database): void {
  inUse.add(db)
}

/**
 * Damage that appears after a clean start (a page overwritten on disk) is met by a query, not by the
 * check at start, which a clean close skips. From then on no open database is closed as clean, so the
 * next start checks the file and sets it aside with its scans (open.ts). The error does not say which
 * database it came from: every one open is taken as suspect, which costs them one check at most.
 * True when `error` was such damage.
 */
export function noteDamage(error: unknown): boolean {
  if (!isCorruption(error)) return false
  for (const db of inUse) {
    if (db.open) damaged.add(db)
    else inUse.delete(db)
  }
  return true
}

/** Whether a damaged page was met in `db`; it stops being watched either way (it is being closed). */
export function closingDamaged(db: Database): boolean {
  inUse.delete(db)
  return damaged.has(db)
}

export function databaseDamaged(): GuichetFailure {
  return new GuichetFailure(
    'database_damaged',
    'The desk database is damaged, so this could not be done. Restart Guichet: it checks the database ' +
      'at start and keeps the damaged file aside with its scans for support; nothing is deleted.',
  )
}
