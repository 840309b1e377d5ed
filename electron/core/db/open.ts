import Database from 'better-sqlite3'
import { existsSync, renameSync } from 'node:fs'
import { GuichetFailure } from '../../../src/domain/result'
import type { Migration } from './migration'
import { migrate } from './migrate'
import { migrations as allMigrations } from './migrations'

export interface OpenOptions {
  migrations?: readonly Migration[]
  /** Path to a better-sqlite3 build for another runtime (Electron in development, see README). */
  nativeBinding?: string
  /** Clock for the name of a damaged file kept aside; tests pin it. */
  now?: () => Date
}

/**
 * Opens (or creates) the desk's database: WAL with full fsync, so a power cut loses no committed
 * registration; foreign keys on; a quick_check before anything else. A damaged file is renamed
 * aside with its WAL and never deleted, and the caller gets a failure naming where it went.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const { migrations = allMigrations, nativeBinding, now = () => new Date() } = options
  let db: Database.Database | undefined
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {})
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new CorruptDatabase(String(check))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Deleted content is overwritten, not left in free pages: see eraseFreed.
    db.pragma('secure_delete = ON')
    migrate(db, migrations)
    return db
  } catch (error) {
    db?.close()
    if (error instanceof GuichetFailure) throw error
    if (error instanceof CorruptDatabase || isCorruption(error)) {
      const keptAt = keepAside(file, now())
      throw new GuichetFailure(
        'database_corrupt',
        `The desk database was damaged and has been kept aside at ${keptAt}. ` +
          'Guichet will start with an empty queue; send that file to support to recover its records.',
      )
    }
    throw error
  }
}

class CorruptDatabase extends Error {}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
}

function keepAside(file: string, at: Date): string {
  const target = `${file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}
