import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { dataKey, osKeychain } from '../../../electron/core/secrets'
import { GuichetFailure } from '../../../src/domain/result'
import { phonePhoto, scannerPdf } from '../../fixtures/documents/realistic'
import { cleanup, openDesk, queueOne, tempDir } from '../sync/desk'

let dir: string
let dataDir: string

beforeEach(() => {
  dir = tempDir('guichet-set-aside-')
  dataDir = join(dir, 'data')
})
afterEach(() => cleanup(dir))

const TWO_HOURS_AGO = (Date.now() - 2 * 60 * 60 * 1000) / 1000

/** Scribbles over the pages after the header, as a failing disk or a cut copy would. */
function damage(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    const size = statSync(file).size
    for (let offset = 4096; offset < size; offset += 8192)
      writeSync(fd, Buffer.alloc(1024, 0xa5), 0, 1024, offset)
  } finally {
    closeSync(fd)
  }
}

async function failure(promise: Promise<unknown>): Promise<GuichetFailure> {
  try {
    await promise
  } catch (error) {
    if (error instanceof GuichetFailure) return error
    throw error
  }
  throw new Error('expected the desk to refuse to open')
}

describe('a damaged database set aside', () => {
  it('keeps every scan of its unsent registrations, beside it, where its message says', async () => {
    const files = { identity: join(dir, 'IMG_4127.JPG'), enrollment: join(dir, 'SCAN0042.PDF') }
    writeFileSync(files.identity, (await phonePhoto()).bytes)
    writeFileSync(files.enrollment, (await scannerPdf()).bytes)
    const first = await openDesk(dataDir, null)
    const queued = [await queueOne(first, files), await queueOne(first, files)]
    const scans = first.db.prepare('SELECT id, sha256 FROM documents').all() as {
      id: string
      sha256: string
    }[]
    expect(scans).toHaveLength(4)
    expect(first.outbox.counts()).toMatchObject({ queued: queued.length })
    first.close()
    // Scans older than the sweep's grace period: the age at which an orphan would be removed.
    for (const name of readdirSync(join(dataDir, 'documents'))) {
      utimesSync(join(dataDir, 'documents', name), TWO_HOURS_AGO, TWO_HOURS_AGO)
    }
    damage(join(dataDir, 'guichet.sqlite'))

    const refused = await failure(openDesk(dataDir, null))
    expect(refused.code).toBe('database_corrupt')
    // Two starts on the new database, each running the orphan sweep.
    for (let start = 0; start < 2; start++) {
      const fresh = await openDesk(dataDir, null)
      expect(fresh.outbox.counts()).toMatchObject({ queued: 0 })
      fresh.close()
    }

    const [, keptAt, scansAt] = /kept aside at (\S+), with its scans at (\S+)\. /.exec(refused.message) ?? []
    expect(existsSync(keptAt!)).toBe(true)
    expect(refused.message).toMatch(/send all of these to support/)
    const aside = new DocumentVault(scansAt!, await dataKey(osKeychain(), dataDir))
    for (const { id, sha256 } of scans) {
      const bytes = await aside.read(id)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256)
    }
  })

  it('says only "that file" when there were no scans to move', async () => {
    const first = await openDesk(dataDir, null)
    first.close()
    damage(join(dataDir, 'guichet.sqlite'))
    const refused = await failure(openDesk(dataDir, null))
    expect(refused.message).toMatch(/kept aside at \S+\. .*send that file to support/)
  })
})
