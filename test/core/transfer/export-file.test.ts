import type * as nodeCrypto from 'node:crypto'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { exportQueue } from '../../../electron/core/transfer/export'
import { MIN_COST } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import { assertStrongPassphrase } from '../../../electron/core/transfer/passphrase-strength'
import { generatePassphrase } from '../../../src/domain/transfer/passphrase'
import { queueOne } from '../sync/desk'
import { PASSPHRASE, useTwoDesks } from './two-desks'

/** Every scrypt the desk asks for, in bytes of memory; a test fails rather than let one run past 256 MiB. */
const scryptMemory = vi.hoisted(() => [] as number[])
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof nodeCrypto>()
  const scrypt = (...args: Parameters<typeof actual.scrypt>) => {
    const [, , , options, callback] = args as unknown as [
      unknown,
      unknown,
      number,
      { N: number; r: number },
      (error: Error | null, key?: Buffer) => void,
    ]
    const memory = 128 * options.N * options.r
    scryptMemory.push(memory)
    if (memory > 256 * 1024 * 1024) return callback(new Error(`scrypt asked for ${memory} bytes`))
    return (actual.scrypt as (...a: unknown[]) => void)(...args)
  }
  return { ...actual, default: { ...actual, scrypt }, scrypt }
})

const d = useTwoDesks()
beforeEach(() => {
  scryptMemory.length = 0
})

const MAGIC = 'GUICHET-EXPORT\n'
const headerOf = (bytes: Buffer) => {
  const length = bytes.readUInt32BE(MAGIC.length)
  return JSON.parse(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + length).toString()) as {
    kdf: Record<string, unknown>
  }
}
/** The same file with its header's key-derivation parameters replaced. */
function withKdf(bytes: Buffer, kdf: Record<string, unknown>): Buffer {
  const length = bytes.readUInt32BE(MAGIC.length)
  const header = headerOf(bytes)
  const forged = Buffer.from(JSON.stringify({ ...header, kdf: { ...header.kdf, ...kdf } }))
  const prefix = Buffer.alloc(4)
  prefix.writeUInt32BE(forged.length)
  return Buffer.concat([Buffer.from(MAGIC), prefix, forged, bytes.subarray(MAGIC.length + 4 + length)])
}

// Each test derives scrypt keys of 128 MiB: slow on a loaded machine, whatever the code does.
describe('the export file resists a thief who has it', { timeout: 120_000 }, () => {
  it('derives its key with scrypt N = 2^17 at least', async () => {
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE)
    expect(headerOf(readFileSync(d.file)).kdf['N']).toBeGreaterThanOrEqual(2 ** 17)
  })

  it.each(['Guichet2026!', 'motdepasse1', 'azertyuiop', 'Salon test 2026', 'password123'])(
    'refuses the guessable passphrase %s and writes nothing',
    async (weak) => {
      await queueOne(d.fair, d.files)
      await expect(exportQueue(d.fair, d.file, weak)).rejects.toMatchObject({ code: 'passphrase_weak' })
      expect(existsSync(d.file)).toBe(false)
    },
  )

  it('accepts every passphrase it generates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const passphrase = generatePassphrase(() => bytes)
        expect(passphrase).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){5}$/)
        expect(() => assertStrongPassphrase(passphrase, ['test-desk-1'])).not.toThrow()
      }),
      { numRuns: 8 },
    )
    const a = generatePassphrase((n) => randomBytes(n))
    expect(generatePassphrase((n) => randomBytes(n))).not.toBe(a)
  })

  it('still reads a file written with the old cost (N = 2^15)', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    expect(headerOf(readFileSync(d.file)).kdf['N']).toBe(2 ** 15)
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 1, documents: 2 })
    expect(d.office.outbox.stateOf(clientId)).toBe('queued')
  })

  it.each([
    ['a cost of gigabytes', { N: 2 ** 20, r: 8 }],
    ['a large block size', { N: 2 ** 17, r: 16 }],
    ['parallel passes', { p: 4 }],
    ['a cost that is not a power of two', { N: 2 ** 17 + 1 }],
    ['a cost too low to be one of ours', { N: 2 ** 10 }],
    ['a salt of a megabyte', { salt: randomBytes(1 << 20).toString('base64') }],
  ])('refuses a header asking for %s before deriving anything', async (_label, kdf) => {
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    scryptMemory.length = 0
    writeFileSync(d.file, withKdf(readFileSync(d.file), kdf))
    await expect(importQueue(d.office, d.file, PASSPHRASE)).rejects.toMatchObject({ code: 'not_an_export' })
    expect(scryptMemory).toEqual([])
  })
})
