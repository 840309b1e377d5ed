import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
