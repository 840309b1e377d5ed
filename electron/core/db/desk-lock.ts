import Database from 'better-sqlite3'
import { join } from 'node:path'
import { GuichetFailure } from '../../../src/domain/result'

export interface DeskLock {
  release(): void
}

/**
 * One process per data folder: the app, the web host or a CLI command. Two would each "recover" the
 * other's records caught sending and send them twice over. The lock is SQLite's own on a small file
 * beside the database (fcntl on Unix, LockFileEx on Windows), held by an exclusive transaction never
 * committed: the operating system drops it when the process ends, however it ends, so a crash leaves
 * no stale lock behind.
 */
export function lockDesk(dataDir: string, nativeBinding?: string): DeskLock {
  const db = new Database(join(dataDir, 'guichet.lock'), {
    timeout: 0,
    ...(nativeBinding && { nativeBinding }),
  })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') throw error
    throw new GuichetFailure(
      'desk_in_use',
      `The desk folder ${dataDir} is already open in another Guichet (the app, or a desk command): ` +
        'close it first, then try again.',
    )
  }
  return { release: () => db.close() }
}
