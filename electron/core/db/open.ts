import Database from 'better-sqlite3'
import { existsSync, readdirSync, renameSync } from 'node:fs'
import { GuichetFailure } from '../../../src/domain/result'
import { closedCleanly, markInUse } from './clean-shutdown'
import { isCorruption, watchForDamage } from './damage'
import type { Migration } from './migration'
import { migrate } from './migrate'
import { migrations as allMigrations } from './migrations'

export interface OpenOptions {
  migrations?: readonly Migration[]
  /** Path to a better-sqlite3 build for another runtime (Electron in development, see README). */
  nativeBinding?: string
  /** Clock for the name of a damaged file kept aside; tests pin it. */
  now?: () => Date
  /**
   * Folders that belong to this database and go aside with it when it is damaged (the documents
   * vault): a new, empty database does not know their files and must not be the one to judge them.
   */
  setAsideWith?: readonly string[]
}

/**
 * Opens (or creates) the desk's database: WAL with full fsync, so a power cut loses no committed
 * registration; foreign keys on; a quick_check before anything else when the last session did not
 * close cleanly (see clean-shutdown.ts). A damaged file is renamed
 * aside with its WAL and never deleted, and the caller gets a failure naming where it went.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const { migrations = allMigrations, nativeBinding, now = () => new Date(), setAsideWith = [] } = options
  let db: Database.Database | undefined
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {})
    const clean = closedCleanly(db)
    if (!clean) {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new CorruptDatabase(String(check))
    }
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Deleted content is overwritten, not left in free pages: see eraseFreed.
    db.pragma('secure_delete = ON')
    if (clean) markInUse(db)
    migrate(db, migrations)
    watchForDamage(db)
    return db
  } catch (error) {
    db?.close()
    if (error instanceof GuichetFailure) throw error
    if (error instanceof CorruptDatabase || isCorruption(error)) {
      const stamp = `.damaged-${now().toISOString().replace(/[:.]/g, '-')}`
      // The companions go first: if one cannot move, the database stays where it is and the desk
      // refuses to start rather than open a new database beside scans it would take for orphans.
      const companions = setAsideWith.filter(holdsAnything).map((path) => keepAside(path, stamp))
      const keptAt = keepAside(file, stamp)
      throw new GuichetFailure(
        'database_corrupt',
        `The desk database was damaged and has been kept aside at ${keptAt}` +
          (companions.length ? `, with its scans at ${companions.join(', ')}. ` : '. ') +
          'Guichet will start with an empty queue; send ' +
          (companions.length ? 'all of these' : 'that file') +
          ' to support to recover its records.',
      )
    }
    throw error
  }
}

class CorruptDatabase extends Error {}

/** A folder worth setting aside: one that exists and is not empty (an empty one stays for the new database). */
function holdsAnything(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0
}

function keepAside(file: string, stamp: string): string {
  const target = file + stamp
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}
