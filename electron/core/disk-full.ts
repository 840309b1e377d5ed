import { GuichetFailure } from '../../src/domain/result'

// What the operating system says when a write finds no room (a full disk, a user's quota spent) or a
// disk that takes no writes, and what SQLite makes of them (it cannot grow its shared-memory file
// when opening a database on a full disk).
const codes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR_SHMSIZE'])

/** Whether an error is a disk that refused a write: the agent can act on it, so it is no bug. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && codes.has(code)
}

/**
 * The failure to answer for an error: a GuichetFailure as it is, a full disk as `disk_full`, and
 * nothing for anything else (a bug). Every write commits whole or not at all, so what was saved
 * before is still there, and the same action succeeds once there is room.
 */
export function knownFailure(error: unknown): GuichetFailure | undefined {
  if (error instanceof GuichetFailure) return error
  if (!isDiskFull(error)) return undefined
  return new GuichetFailure(
    'disk_full',
    "The desk's disk is full or read-only, so this was not saved; everything saved before is kept. Free some space (empty the recycle bin, move large files off this disk) and try again.",
  )
}
