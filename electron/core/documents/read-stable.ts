import { constants } from 'node:fs'
import { lstat, open, stat, type FileHandle } from 'node:fs/promises'
import { MAX_READ_BYTES, inMiB } from './limits'
import { refuse } from './refusals'

export interface FileStamp {
  size: number
  mtimeMs: number
  isFile: boolean
  /** Device and inode, where the file read must be the very one stamped (the scanner folder). */
  id?: string
}

/** The file system as the inspection sees it; tests swap it to make a file vanish or change mid-read. */
export interface InspectFs {
  stamp(path: string): Promise<FileStamp>
  /** Reads at most `maxBytes` from the start of the file. */
  read(path: string, maxBytes: number): Promise<Buffer>
}

export const nodeFs: InspectFs = {
  async stamp(path) {
    const stats = await stat(path)
    return { size: stats.size, mtimeMs: stats.mtimeMs, isFile: stats.isFile() }
  },
  async read(path, maxBytes) {
    const handle = await open(path, 'r')
    try {
      return await readStart(handle, maxBytes)
    } finally {
      await handle.close()
    }
  },
}

// Windows has neither flag: there the comparison of the opened file with the folder's entry holds
// alone. O_NONBLOCK only matters for a FIFO swapped in, whose open would otherwise wait for a writer
// forever, holding one of the few threads all file access shares.
const OPEN_ENTRY = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * The scanner folder's files, which anyone who can write to that folder (often a shared or network
 * one) may have put there: a link is not followed, neither when stamped nor when opened, and the file
 * opened must be the folder's own entry, so a link swapped in between the checks and the open (where
 * O_NOFOLLOW is missing) is caught as well. Otherwise a link named like a scan would hand the tray,
 * and the backend, any file the desk's user may read. Files the agent picks or drops are read with
 * `nodeFs`: a link in their own folders is theirs to follow.
 */
export const scannerFs: InspectFs = {
  async stamp(path) {
    const stats = await lstat(path, { bigint: true })
    if (stats.isSymbolicLink()) throw refuse('file_unreadable')
    return {
      size: Number(stats.size),
      mtimeMs: Number(stats.mtimeMs),
      isFile: stats.isFile(),
      id: `${stats.dev}:${stats.ino}`,
    }
  },
  async read(path, maxBytes) {
    const handle = await open(path, OPEN_ENTRY).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'ELOOP' ? refuse('file_unreadable') : error
    })
    try {
      const [opened, entry] = await Promise.all([
        handle.stat({ bigint: true }),
        lstat(path, { bigint: true }),
      ])
      if (!entry.isFile() || opened.dev !== entry.dev || opened.ino !== entry.ino)
        throw refuse('file_changed')
      return await readStart(handle, maxBytes)
    } finally {
      await handle.close()
    }
  },
}

async function readStart(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const buffer = Buffer.alloc(maxBytes)
  let length = 0
  while (length < maxBytes) {
    const { bytesRead } = await handle.read(buffer, length, maxBytes - length, length)
    if (bytesRead === 0) break
    length += bytesRead
  }
  return buffer.subarray(0, length)
}

/**
 * Reads a whole file that must hold still while read: a scanner writing into a watched folder, or a
 * file on a network drive, must not be taken half-written. The size is checked first so a huge file
 * is refused without reading it, and the read is bounded in case the file grows after that check.
 */
export async function readStable(path: string, fs: InspectFs): Promise<Buffer> {
  const before = await guard(fs.stamp(path))
  if (!before.isFile) throw refuse('not_a_file')
  if (before.size === 0) throw refuse('empty')
  if (before.size > MAX_READ_BYTES) throw refuse('too_large', `${inMiB(before.size)} MiB`)
  const bytes = await guard(fs.read(path, before.size + 1))
  const after = await guard(fs.stamp(path))
  if (
    bytes.length !== before.size ||
    after.size !== before.size ||
    after.mtimeMs !== before.mtimeMs ||
    after.id !== before.id
  ) {
    throw refuse('file_changed')
  }
  return bytes
}

const fsRefusals: Record<string, Parameters<typeof refuse>[0]> = {
  ENOENT: 'file_missing',
  ENOTDIR: 'file_missing',
  EISDIR: 'not_a_file',
  EACCES: 'file_unreadable',
  EPERM: 'file_unreadable',
  EBUSY: 'file_unreadable',
}

async function guard<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const refusal = code === undefined ? undefined : fsRefusals[code]
    throw refusal ? refuse(refusal) : error
  }
}
