import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir, rename, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSealed, type SealedFile } from '../../../electron/core/documents/sealed-file'
import { DocumentVault } from '../../../electron/core/documents/vault'

let dir: string
const key = randomBytes(32)
const scan = Buffer.from('%PDF-1.7 passport of DUPONT Marie %%EOF')
const later = () => Date.now() + 2 * 60 * 60 * 1000

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'guichet-vault-')), 'documents')
})
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('DocumentVault', () => {
  it('stores a document encrypted and gives it back', async () => {
    const vault = new DocumentVault(dir, key)
    const id = await vault.put(scan)
    expect(await readdir(dir)).toEqual([`${id}.bin`])
    const onDisk = await readFile(join(dir, `${id}.bin`))
    expect(onDisk.includes(Buffer.from('DUPONT'))).toBe(false)
    expect(await vault.read(id)).toEqual(scan)
  })

  it('gives each copy of the same document its own file, id and nonce', async () => {
    const vault = new DocumentVault(dir, key)
    const [a, b] = await Promise.all([vault.put(scan), vault.put(scan)])
    expect(a).not.toBe(b)
    const [fileA, fileB] = await Promise.all([a, b].map((id) => readFile(join(dir, `${id}.bin`))))
    expect(fileA?.equals(fileB ?? Buffer.alloc(0))).toBe(false)
  })

  it('cannot be read with another key, nor after two files are swapped on disk', async () => {
    const vault = new DocumentVault(dir, key)
    const id = await vault.put(scan)
    await expect(new DocumentVault(dir, randomBytes(32)).read(id)).rejects.toMatchObject({
      code: 'decrypt_failed',
    })
    const other = await vault.put(Buffer.from('enrollment'))
    await rename(join(dir, `${other}.bin`), join(dir, `${id}.bin`))
    await expect(vault.read(id)).rejects.toMatchObject({ code: 'decrypt_failed' })
  })

  it('tells a scan cut short from one altered or sealed under another key, by its size alone', async () => {
    const vault = new DocumentVault(dir, key)
    // Below and above the 256 KiB read at once (the larger is read where it is sent: readSealed).
    const small = randomBytes(204_321)
    const large = randomBytes(1_312_345)
    const ids = [await vault.put(small), await vault.put(large)]
    const docs = [
      { id: ids[0]!, size: small.length },
      { id: ids[1]!, size: large.length },
    ]
    for (const doc of docs) expect(() => vault.intact(doc)).not.toThrow()
    expect(await vault.outgoing(docs[0]!)).toEqual(small)

    for (const doc of docs) await truncate(join(dir, `${doc.id}.bin`), doc.size - 4_321)
    const damaged = { code: 'document_damaged', message: expect.stringMatching(/damaged or incomplete/) }
    for (const doc of docs) expect(() => vault.intact(doc)).toThrow(expect.objectContaining(damaged))
    await expect(vault.outgoing(docs[0]!)).rejects.toMatchObject(damaged)
    await expect(readSealed((await vault.outgoing(docs[1]!)) as SealedFile)).rejects.toMatchObject(damaged)

    await rm(join(dir, `${docs[0]!.id}.bin`))
    expect(() => vault.intact(docs[0]!)).toThrow(expect.objectContaining({ code: 'document_missing' }))
  })

  it('deletes a document, and deleting it twice is fine', async () => {
    const vault = new DocumentVault(dir, key)
    const id = await vault.put(scan)
    await vault.delete(id)
    await vault.delete(id)
    await expect(vault.read(id)).rejects.toMatchObject({ code: 'document_missing' })
  })

  it('refuses an id that is not one of its own', async () => {
    const vault = new DocumentVault(dir, key)
    await expect(vault.read('../../etc/passwd')).rejects.toMatchObject({ code: 'document_missing' })
  })

  describe('sweepOrphans', () => {
    it('removes old files with no row and leftover temporary files, and keeps the rest', async () => {
      const vault = new DocumentVault(dir, key)
      const kept = await vault.put(scan)
      const orphan = await vault.put(scan)
      const temp = `${kept}.bin.0123456789abcdef.tmp`
      await writeFile(join(dir, temp), 'half a write')
      await writeFile(join(dir, 'notes.txt'), 'not the vault’s')

      const { removed } = await vault.sweepOrphans([kept], { now: later })

      expect(removed.sort()).toEqual([`${orphan}.bin`, temp].sort())
      expect((await readdir(dir)).sort()).toEqual([`${kept}.bin`, 'notes.txt'].sort())
      expect(await vault.read(kept)).toEqual(scan)
    })

    it('leaves a file written moments ago, whose row may be about to be committed', async () => {
      const vault = new DocumentVault(dir, key)
      const fresh = await vault.put(scan)
      expect((await vault.sweepOrphans([])).removed).toEqual([])
      expect(await vault.read(fresh)).toEqual(scan)
    })

    it('deletes only the orphans the database issued, and moves the ones it never issued aside', async () => {
      const vault = new DocumentVault(dir, key)
      const issued = await vault.put(scan)
      const stranger = await vault.put(scan)
      const asideDir = `${dir}.unclaimed`

      const result = await vault.sweepOrphans([], { now: later, issued: [issued], asideDir })

      expect(result).toEqual({ removed: [`${issued}.bin`], setAside: [`${stranger}.bin`] })
      expect(await readdir(dir)).toEqual([])
      expect(await new DocumentVault(asideDir, key).read(stranger)).toEqual(scan)
    })

    it('has nothing to do before the first document is stored', async () => {
      expect(await new DocumentVault(dir, key).sweepOrphans([])).toEqual({ removed: [], setAside: [] })
    })
  })
})
