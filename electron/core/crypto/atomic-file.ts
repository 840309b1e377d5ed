import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const TEMP_SUFFIX = /\.[0-9a-f]{16}\.tmp$/

/** Whether a name is one of `writeFileAtomic`'s temporary files, left behind only by a crash. */
export function isAtomicTempFile(name: string): boolean {
  return TEMP_SUFFIX.test(name)
}

/**
 * Replaces `path` with `data` so that after a crash or power cut the file holds either its old content
 * or the new one, never a mix: the data goes to a temporary file in the same folder, is flushed to the
 * disk, renamed over the target, and the folder entry is flushed too. When this resolves, the file is
 * durable, so a database row may point at it.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `${basename(path)}.${randomBytes(8).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx', mode)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncDirectory(dirname(path))
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder as a file; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
