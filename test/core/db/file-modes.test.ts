import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

let dataDir: string
beforeEach(() => {
  dataDir = tempDir('guichet-modes-')
})
afterEach(() => cleanup(dataDir))

const mode = (path: string) => statSync(path).mode & 0o777

describe.skipIf(process.platform === 'win32')('the desk’s files are for its own account only', () => {
  it('0700 folders and 0600 files, even when the folder and database already existed open to all', async () => {
    const umask = process.umask(0o022)
    try {
      chmodSync(dataDir, 0o755)
      mkdirSync(join(dataDir, 'documents'), { mode: 0o755 })
      mkdirSync(join(dataDir, 'logs'), { mode: 0o755 })
      writeFileSync(join(dataDir, 'guichet.sqlite'), '', { mode: 0o644 })
      const core = await openDesk(dataDir, null)
      await queueOne(core, await documentFiles(tempDir('guichet-scans-')))
      const files = readdirSync(dataDir)
      expect(files).toEqual(
        expect.arrayContaining(['guichet.sqlite', 'guichet.sqlite-wal', 'guichet.sqlite-shm']),
      )
      for (const name of files.filter((n) => n.startsWith('guichet.'))) {
        expect([name, mode(join(dataDir, name))]).toEqual([name, 0o600])
      }
      for (const folder of ['', 'documents', 'logs']) {
        expect([folder, mode(join(dataDir, folder))]).toEqual([folder, 0o700])
      }
      for (const scan of readdirSync(join(dataDir, 'documents'))) {
        expect(mode(join(dataDir, 'documents', scan))).toBe(0o600)
      }
      core.close()
    } finally {
      process.umask(umask)
    }
  })
})
