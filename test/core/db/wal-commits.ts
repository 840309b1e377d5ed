import { readFileSync } from 'node:fs'
import type { Database } from 'better-sqlite3'

const WAL_HEADER = 32
const FRAME_HEADER = 24

/**
 * Counts the commits written to `db`'s log from now on, read from the -wal file itself: the last
 * frame of each commit carries the database's size after it, the others zero. The log is emptied
 * first and checkpoints are turned off on this connection, so that no frame is overwritten while
 * counting.
 */
export function walCommits(db: Database): () => number {
  db.pragma('wal_autocheckpoint = 0')
  db.pragma('wal_checkpoint(TRUNCATE)')
  return () => {
    let wal: Buffer
    try {
      wal = readFileSync(`${db.name}-wal`)
    } catch {
      return 0
    }
    if (wal.length < WAL_HEADER) return 0
    const pageSize = wal.readUInt32BE(8)
    const salts = wal.subarray(16, 24)
    let commits = 0
    for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
      // Frames of an earlier log, left past the end of this one, have other salts.
      if (!wal.subarray(at + 8, at + 16).equals(salts)) break
      if (wal.readUInt32BE(at + 4) !== 0) commits++
    }
    return commits
  }
}
