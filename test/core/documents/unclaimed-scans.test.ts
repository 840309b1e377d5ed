import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { dataKey, osKeychain } from '../../../electron/core/secrets'
import { GuichetFailure } from '../../../src/domain/result'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

let dir: string
let dataDir: string
let database: string
let documentsDir: string

beforeEach(() => {
  dir = tempDir('guichet-unclaimed-')
  dataDir = join(dir, 'data')
  database = join(dataDir, 'guichet.sqlite')
  documentsDir = join(dataDir, 'documents')
})
afterEach(() => cleanup(dir))

/** Older than the sweep's grace period: the age at which an orphan is removed. */
function ageScans(): void {
  const twoHoursAgo = (Date.now() - 2 * 60 * 60 * 1000) / 1000
  for (const name of readdirSync(documentsDir)) utimesSync(join(documentsDir, name), twoHoursAgo, twoHoursAgo)
}

const scansOf = (core: Core) =>
  core.db.prepare('SELECT id, sha256 FROM documents').all() as { id: string; sha256: string }[]

async function queue(core: Core, records: number): Promise<void> {
  const files = await documentFiles(dir)
  for (let n = 0; n < records; n++) await queueOne(core, files)
}

async function refusal(promise: Promise<Core>): Promise<GuichetFailure> {
  const outcome = await promise.then(
    (core) => {
      core.close()
      return new Error('the desk opened without a word')
    },
    (error: unknown) => error,
  )
  if (outcome instanceof GuichetFailure) return outcome
  throw outcome
}

/** Every scan is in the folder the message names, and decrypts to the bytes queued. */
async function expectKeptWhereSaid(message: string, scans: { id: string; sha256: string }[]): Promise<void> {
  const [, keptAt] = /all were kept at (\S+)\. /.exec(message) ?? []
  expect(message).toContain(`mis de côté dans ${keptAt!}.`)
  const aside = new DocumentVault(keptAt!, await dataKey(osKeychain(), dataDir))
  for (const { id, sha256 } of scans) {
    expect(
      createHash('sha256')
        .update(await aside.read(id))
        .digest('hex'),
    ).toBe(sha256)
  }
}

describe('scans the desk database does not know', () => {
  it.each([
    ['emptied to 0 bytes', () => writeFileSync(database, '')],
    ['deleted', () => rmSync(database)],
  ])('are kept aside, never deleted, when the database file was %s', async (_how, lose) => {
    const first = await openDesk(dataDir, null)
    await queue(first, 3)
    const scans = scansOf(first)
    expect(scans).toHaveLength(6)
    first.close()
    ageScans()
    lose()

    const refused = await refusal(openDesk(dataDir, null))
    expect(refused.code).toBe('scans_set_aside')
    expect(refused.message).toMatch(/^6 scan\(s\) in the documents folder .* none was deleted/)
    await expectKeptWhereSaid(refused.message, scans)
    // The next starts go on with the new, empty database and leave the scans where they were put.
    for (let start = 0; start < 2; start++) {
      const fresh = await openDesk(dataDir, null)
      expect(fresh.outbox.counts()).toMatchObject({ queued: 0 })
      fresh.close()
    }
    await expectKeptWhereSaid(refused.message, scans)
  })

  it('are kept aside when an older backup of the database comes back, and its own scans stay', async () => {
    const first = await openDesk(dataDir, null)
    await queue(first, 1)
    const backedUp = scansOf(first)
    first.close()
    copyFileSync(database, join(dir, 'backup.sqlite'))
    const second = await openDesk(dataDir, null)
    await queue(second, 2)
    const newer = scansOf(second).filter((scan) => !backedUp.some((old) => old.id === scan.id))
    expect(newer).toHaveLength(4)
    second.close()
    ageScans()
    copyFileSync(join(dir, 'backup.sqlite'), database)

    const refused = await refusal(openDesk(dataDir, null))
    expect(refused.code).toBe('scans_set_aside')
    await expectKeptWhereSaid(refused.message, newer)
    const restored = await openDesk(dataDir, null)
    expect(restored.outbox.counts()).toMatchObject({ queued: 1 })
    for (const { id } of backedUp) expect((await restored.vault.read(id)).length).toBeGreaterThan(0)
    restored.close()
  })

  it('a scan the database gave an id to but never kept (a crash before its row) is still deleted', async () => {
    const first = await openDesk(dataDir, null)
    await queue(first, 1)
    const orphan = await first.vault.put(Buffer.alloc(204_321, 7))
    first.close()
    ageScans()

    const again = await openDesk(dataDir, null)
    expect(existsSync(join(documentsDir, `${orphan}.bin`))).toBe(false)
    expect(readdirSync(documentsDir)).toHaveLength(2)
    expect(again.db.prepare('SELECT count(*) FROM vault_issued').pluck().get()).toBe(2)
    again.close()
  })
})
