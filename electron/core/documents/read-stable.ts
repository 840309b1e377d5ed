import { open, stat } from 'node:fs/promises'
import { MAX_READ_BYTES, inMiB } from './limits'
import { refuse } from './refusals'

export interface FileStamp {
  size: number
  mtimeMs: number
  isFile: boolean
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
      const buffer = Buffer.alloc(maxBytes)
      let length = 0
      while (length < maxBytes) {
        const { bytesRead } = await handle.read(buffer, length, maxBytes - length, length)
        if (bytesRead === 0) break
        length += bytesRead
      }
      return buffer.subarray(0, length)
    } finally {
      await handle.close()
    }
  },
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
  if (bytes.length !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
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
