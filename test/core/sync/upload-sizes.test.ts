import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { BackendClient, MAX_TIMER_MS, uploadTimeoutMs } from '../../../electron/core/sync/backend-client'
import { fetchTransport } from '../../../electron/core/sync/fetch-transport'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import type { Transport } from '../../../electron/core/sync/transport'
import { sampleDocument, sampleRegistration } from '../../backend/fixtures'
import { createBackend } from '../../backend/server'
import type { DeclaredDocument } from '../../backend/validation'

const MiB = 1024 * 1024
const MAX = 10 * MiB

/** Any size the backend takes, with the edges where a chunk or a timer could go wrong weighed in. */
const documentSize = fc.oneof(
  fc.integer({ min: 1, max: MAX }),
  fc.constantFrom(1, 256 * 1024 - 1, 256 * 1024 + 1, 983_041, 995_136, 2_345_678, MAX - 1, MAX),
)

/** Bytes from a seed (replayable by fast-check), without drawing millions of values. */
function bytesOf(size: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(size)
  let x = seed | 1
  for (let i = 0; i + 4 <= size; i += 4) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes.writeInt32LE(x | 0, i)
  }
  for (let i = size - (size % 4); i < size; i++) bytes[i] = i & 0xff
  return bytes
}

describe('the upload timeout', () => {
  it('is a whole number of ms a timer can wait, never under the request timeout nor the bytes at the slowest rate', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: MAX }), fc.constantFrom(0, 995_136, 2_345_678, MAX)),
        fc.integer({ min: 1, max: 120_000 }),
        fc.integer({ min: 1, max: 10 * MiB }),
        (bytes, timeoutMs, minUploadBytesPerSecond) => {
          const ms = uploadTimeoutMs(bytes, { timeoutMs, minUploadBytesPerSecond })
          expect(Number.isInteger(ms)).toBe(true)
          expect(() => AbortSignal.timeout(ms)).not.toThrow()
          const wanted = Math.max(timeoutMs, (bytes * 1000) / minUploadBytesPerSecond)
          expect(ms).toBeLessThanOrEqual(MAX_TIMER_MS)
          expect(ms).toBeGreaterThanOrEqual(Math.min(MAX_TIMER_MS, wanted))
          expect(ms).toBeLessThan(wanted + 1)
        },
      ),
      { numRuns: 2_000 },
    )
  })
})

const transports: Record<string, () => Transport> = {
  'node:http': () => httpTransport({ maxSockets: 2 }),
  'fetch (as net.fetch)': () => fetchTransport(fetch),
}

describe.each(Object.entries(transports))('an upload over %s of any size up to 10 MiB', (_name, make) => {
  it('arrives whole at the reference backend, as bytes or sealed in the vault: its length declared, its digest right, its progress to the end', async () => {
    const vaultDir = mkdtempSync(join(tmpdir(), 'guichet-upload-'))
    const vault = new DocumentVault(vaultDir, randomBytes(32))
    onTestFinished(() => rmSync(vaultDir, { recursive: true, force: true }))
    await fc.assert(
      fc.asyncProperty(
        documentSize,
        fc.integer(),
        fc.constantFrom<DeclaredDocument['mediaType']>('application/pdf', 'image/jpeg', 'image/png'),
        fc.boolean(),
        async (size, seed, mediaType, sealed) => {
          const backend = await createBackend()
          const transport = make()
          try {
            const bytes = bytesOf(size, seed)
            const sha256 = createHash('sha256').update(bytes).digest('hex')
            const declared: DeclaredDocument = {
              kind: 'identity',
              sha256,
              size,
              mediaType,
              fileName: 'scan',
            }
            const body = sampleRegistration([{ bytes, declared }, sampleDocument('enrollment')])
            const client = new BackendClient(
              { base: backend.url, token: backend.token },
              {
                timeoutMs: 30_000,
                minUploadBytesPerSecond: 32 * 1024,
                signal: new AbortController().signal,
                now: () => new Date(),
                transport,
              },
            )
            const created = await client.createRegistration(body.clientId, Buffer.from(JSON.stringify(body)))
            expect(created.missingDocuments).toContain(sha256)
            const progress: number[] = []
            // Sealed, a scan over 256 KiB goes as a SealedFile: node:http sends it from its upload thread.
            const sent = sealed ? await vault.outgoing({ id: await vault.put(bytes), size }) : bytes
            await client.uploadDocument(created.id, { sha256, mediaType, bytes: sent }, (sentBytes) =>
              progress.push(sentBytes),
            )

            const upload = backend.log.find((e) => e.route === 'uploadDocument')!
            expect(upload).toMatchObject({ status: 201, bodyBytes: size })
            const stored = backend.store.registration(created.id)!.files.get(sha256)!
            expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256)
            expect(progress.at(-1)).toBe(size)
            expect(progress.every((sent, i) => sent <= size && sent >= (progress[i - 1] ?? 0))).toBe(true)
          } finally {
            transport.close()
            await backend.close()
          }
        },
      ),
      { numRuns: 24, seed: randomSeed() },
    )
  }, 120_000)
})

/** A new seed each run (printed by fast-check on a failure, to replay it). */
function randomSeed(): number {
  return Number.parseInt(randomUUID().slice(0, 8), 16) | 0
}
