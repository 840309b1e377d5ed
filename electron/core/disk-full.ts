import { statfsSync } from 'node:fs'
import { GuichetFailure } from '../../src/domain/result'
import { databaseDamaged, noteDamage } from './db/damage'

// What the operating system says when a write finds no room (a full disk, a user's quota spent) or a
// disk that takes no writes, and SQLite's own words for the same: each always means that.
const noRoomCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'SQLITE_FULL', 'SQLITE_READONLY'])

// SQLite's I/O errors that a full disk is one cause of among others (sqlite.org/rescode.html):
// SHMSIZE, growing the WAL index file, which a desk meets at start with a few KiB left (the index is
// made again in 32 KiB regions when the database opens); WRITE, a write the VFS did not call "full"
// (a spent quota: EDQUOT); FSYNC, a flush the disk refused (a network or thin-provisioned volume
// that ran out, or a failing drive). Only the folder's free space tells them apart.
const ioCodes = new Set(['SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC'])

/**
 * Below this, free space is no room: SQLite grows its files by a page (4 KiB) or an index region
 * (32 KiB) at a time. An I/O error with more left than this was not for lack of room (a drive failing
 * or removed, a share gone), and saying "disk full" would send the agent after the wrong thing.
 */
export const NO_ROOM_BYTES = 1024 * 1024

/**
 * Whether an error is a disk that refused a write: the agent can act on it, so it is no bug. SQLite's
 * I/O errors count only when `folder` (where the desk's files are) has no room left for this user.
 */
export function isDiskFull(error: unknown, folder?: string): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  if (noRoomCodes.has(code)) return true
  return ioCodes.has(code) && folder !== undefined && freeBytes(folder) < NO_ROOM_BYTES
}

/** Space this user may still write in `folder`; Infinity when it cannot be told (the folder is gone). */
function freeBytes(folder: string): number {
  try {
    const stats = statfsSync(folder)
    return stats.bavail * stats.bsize
  } catch {
    return Infinity
  }
}

/**
 * The failure to answer for an error: a GuichetFailure as it is, a damaged page of the database as
 * `database_damaged` (damage.ts), a full disk as `disk_full`, and nothing for anything else (a bug, or a disk failing for another reason than room). Every write
 * commits whole or not at all, so what was saved before is still there, and the same action
 * succeeds once there is room.
 */
export function knownFailure(error: unknown, folder?: string): GuichetFailure | undefined {
  if (error instanceof GuichetFailure) return error
  if (noteDamage(error)) return databaseDamaged()
  if (!isDiskFull(error, folder)) return undefined
  return new GuichetFailure(
    'disk_full',
    "The desk's disk is full or read-only, so this was not saved; everything saved before is kept. Free some space (empty the recycle bin, move large files off this disk) and try again.",
  )
}

/**
 * A full disk met while opening the desk, in words for the start (nothing was being saved): the app's
 * start dialog and the desk commands say the same. Undefined for anything else, left as it was.
 */
export function diskFullAtStart(error: unknown, folder: string): GuichetFailure | undefined {
  if (error instanceof GuichetFailure || !isDiskFull(error, folder)) return undefined
  return new GuichetFailure(
    'disk_full',
    'Guichet cannot open the desk: its disk is full or read-only. Everything saved before is kept. Free some space (empty the recycle bin, move large files off this disk) and start Guichet again.',
  )
}
