import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { inspectFile, type InspectResult } from '../../../electron/core/documents/inspect'
import type { InspectFs } from '../../../electron/core/documents/read-stable'
import { REFUSAL_CODES } from '../../../electron/core/documents/refusals'
import * as corpus from '../../fixtures/documents/corpus'
import * as realistic from '../../fixtures/documents/realistic'

/** One file held in memory, as the inspection reads through its file system. */
function memoryFs(bytes: Uint8Array): InspectFs {
  return {
    stamp: async () => ({ size: bytes.length, mtimeMs: 0, isFile: true }),
    read: async (_path, maxBytes) => Buffer.from(bytes.subarray(0, maxBytes)),
  }
}

const inspectBytes = (name: string, bytes: Uint8Array) => inspectFile(name, { fs: memoryFs(bytes) })

/** The rule every answer keeps: accepted with bytes whose size it states, or refused with a known code. */
function expectAnswer(result: InspectResult): void {
  if (result.ok) {
    expect(result.size).toBe(result.bytes.length)
    expect(['application/pdf', 'image/jpeg', 'image/png']).toContain(result.mediaType)
  } else {
    expect(REFUSAL_CODES).toContain(result.error.code)
    expect(result.error.message.length).toBeGreaterThan(20)
  }
}

// The first bytes of every format the desk knows, so arbitrary bytes also reach the PDF and image paths.
const magic = ['', '%PDF-1.7\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0', 'II*\x00', 'MM\x00*', 'GIF89a'].map(
  (text) => Buffer.from(text, 'latin1'),
)
const names = ['scan.pdf', 'scan.jpg', 'scan.png', 'scan.tif', 'scan', 'IMG_0001.HEIC']

describe('inspect, for all inputs', () => {
  it('answers accepted or a known refusal for arbitrary bytes under any name, and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...magic),
        fc.uint8Array({ minLength: 0, maxLength: 64 * 1024 }),
        fc.constantFrom(...names),
        async (head, tail, name) => {
          expectAnswer(await inspectBytes(name, Buffer.concat([head, tail])))
        },
      ),
      { numRuns: 150 },
    )
  })

  describe('a copy cut short of a file it accepts', () => {
    const originals: { name: string; bytes: Buffer }[] = []

    beforeAll(async () => {
      originals.push(
        { name: 'scan.pdf', bytes: await corpus.pdfWithObjectStreams(2) },
        { name: 'SCAN0042.PDF', bytes: (await realistic.scannerPdf(1, 1_312_345)).bytes },
        { name: 'capture.png', bytes: (await realistic.screenshot()).bytes },
        { name: 'passport.jpg', bytes: await corpus.sidewaysPhotoWithGps() },
        { name: 'scan.tif', bytes: await corpus.tiff() },
      )
      for (const { name, bytes } of originals) expect((await inspectBytes(name, bytes)).ok).toBe(true)
    }, 60_000)

    it('is refused with a known code or normalized, never a crash', { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: 4 }),
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          async (which, fraction) => {
            const { name, bytes } = originals[which]!
            const cut = bytes.subarray(0, Math.floor(bytes.length * fraction))
            const result = await inspectBytes(name, cut)
            expectAnswer(result)
            // A PDF is kept byte for byte, so one missing its end is never taken.
            if (name.toLowerCase().endsWith('.pdf') && cut.length < bytes.length - 1024) {
              expect(result.ok).toBe(false)
            }
          },
        ),
        { numRuns: 60 },
      )
    })
  })
})
