import type { Database } from 'better-sqlite3'
import { dirname } from 'node:path'
import { isDiskFull } from '../disk-full'
import { closingDamaged } from './damage'

/**
 * Whether the last session ended with `closeDatabase`: a row in the settings table, written as the
 * last thing before closing and deleted (durably) as the first thing after opening. Its absence means
 * a crash, a power cut or a kill, and only then is the whole file checked at start: checking
 * 100,000 records on every start costs seconds a day for damage a clean quit cannot cause.
 */
const MARKER = 'closed_cleanly'

/** True when the file says its last session closed cleanly. Throws SQLite's error on a damaged file. */
export function closedCleanly(db: Database): boolean {
  const settings = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get()
  return (
    settings !== undefined && db.prepare('SELECT 1 FROM settings WHERE key = ?').get(MARKER) !== undefined
  )
}

/** From now on, until `closeDatabase`, an end of the process counts as unclean (call when `closedCleanly`). */
export function markInUse(db: Database): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(MARKER)
}

/**
 * Closes the database, saying the session ended cleanly, unless a damaged page was met in it
 * (damage.ts). A disk too full to take the mark still gets the file closed (and the desk folder freed
 * by the caller): the next start then checks the file, which is the safe side.
 */
export function closeDatabase(db: Database): void {
  if (!db.open) return
  if (closingDamaged(db)) {
    db.close()
    return
  }
  try {
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(MARKER, JSON.stringify(new Date().toISOString()))
  } catch (error) {
    if (!isDiskFull(error, dirname(db.name))) throw error
  } finally {
    db.close()
  }
}
