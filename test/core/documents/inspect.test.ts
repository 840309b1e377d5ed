import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, truncate, unlink, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectFile, type AcceptedFile, type InspectResult } from '../../../electron/core/documents/inspect'
import { defaultPdfBudget } from '../../../electron/core/documents/pdf-budget'
import { REFUSAL_CODES } from '../../../electron/core/documents/refusals'
import { nodeFs, type InspectFs } from '../../../electron/core/documents/read-stable'
import * as corpus from '../../fixtures/documents/corpus'
import * as realistic from '../../fixtures/documents/realistic'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-inspect-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function place(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}

function accepted(result: InspectResult): AcceptedFile {
  if (!result.ok) throw new Error(`expected acceptance, got ${result.error.code}: ${result.error.message}`)
  return result
}

async function refusal(name: string, bytes: Uint8Array): Promise<string> {
  const result = await inspectFile(await place(name, bytes))
  if (result.ok) throw new Error(`expected a refusal for ${name}`)
  return result.error.code
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true })
  const at = (y * info.width + x) * info.channels
  return [...data.subarray(at, at + 3)]
}

describe('images', () => {
  it('turns a sideways phone photo upright and strips its EXIF, GPS included', async () => {
    const photo = await corpus.sidewaysPhotoWithGps()
    const before = await sharp(photo).metadata()
    expect(before.orientation).toBe(6)
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // the GPS IFD pointer tag

    const result = accepted(await inspectFile(await place('passport.jpg', photo)))

    expect(result).toMatchObject({
      mediaType: 'image/jpeg',
      width: 400,
      height: 600,
      size: result.bytes.length,
    })
    const after = await sharp(result.bytes).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 400, height: 600 })
    expect(after.exif).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    const [rightR, , rightB] = await pixel(result.bytes, 350, 300)
    const [leftR, , leftB] = await pixel(result.bytes, 50, 300)
    expect(rightR).toBeGreaterThan(200)
    expect(rightB).toBeLessThan(60)
    expect(leftB).toBeGreaterThan(200)
    expect(leftR).toBeLessThan(60)
  })

  it('gives the SHA-256 of the bytes it hands back', async () => {
    const result = accepted(await inspectFile(await place('scan.jpeg', await corpus.jpeg())))
    expect(result.sha256).toBe(createHash('sha256').update(result.bytes).digest('hex'))
  })

  it('keeps a PNG as PNG', async () => {
    const result = accepted(await inspectFile(await place('scan.png', await corpus.png())))
    expect(result).toMatchObject({ mediaType: 'image/png', width: 600, height: 400 })
    expect((await sharp(result.bytes).metadata()).format).toBe('png')
  })

  it('turns a photo saved as a huge PNG into a JPEG under the limit', { timeout: 60_000 }, async () => {
    const photo = await corpus.photoAsPng()
    expect(photo.length).toBeGreaterThan(10 * 1024 * 1024)
    const result = accepted(await inspectFile(await place('photo.png', photo)))
    expect(result).toMatchObject({ mediaType: 'image/jpeg', width: 3000, height: 3000 })
    expect(result.size).toBeLessThanOrEqual(10 * 1024 * 1024)
  })

  it('converts a TIFF scan to JPEG', async () => {
    const result = accepted(await inspectFile(await place('scan.tiff', await corpus.tiff())))
    expect(result).toMatchObject({ mediaType: 'image/jpeg', width: 600, height: 400 })
    expect((await sharp(result.bytes).metadata()).format).toBe('jpeg')
  })

  it('shrinks a 50-megapixel image to fit 3000 × 3000', { timeout: 60_000 }, async () => {
    const result = accepted(await inspectFile(await place('huge.jpg', await corpus.fiftyMegapixelJpeg())))
    expect(result).toMatchObject({ mediaType: 'image/jpeg', width: 3000, height: 1500 })
  })

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    const bomb = corpus.decompressionBombPng()
    expect(bomb.length).toBeLessThan(100)
    expect(await refusal('bomb.png', bomb)).toBe('image_too_large')
  })

  it('refuses a JPEG cut short', async () => {
    expect(await refusal('cut.jpg', corpus.firstHalf(await corpus.jpeg()))).toBe('truncated')
  })

  it('refuses GIF, and HEIC with advice to re-scan as PDF or JPEG', async () => {
    expect(await refusal('scan.gif', await corpus.gif())).toBe('unsupported_type')
    const result = await inspectFile(await place('IMG_0001.HEIC', corpus.heicHeader()))
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_type' } })
    expect(!result.ok && result.error.message).toMatch(/PDF or JPEG/)
  })
})

describe('what reaches a desk, at sizes no encoder rounds to', () => {
  it(
    'turns a sideways phone photo with a P3 profile upright, keeping its colour profile and no other metadata',
    { timeout: 30_000 },
    async () => {
      const photo = await realistic.phonePhoto()
      expect(photo.bytes.length).toBe(2_712_345)
      const before = await sharp(photo.bytes).metadata()
      expect(before).toMatchObject({ orientation: 6, width: 4032, height: 3024 })
      expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true) // the GPS IFD pointer tag
      expect(before.icc).toBeDefined()
      const result = accepted(await inspectFile(await place(photo.name, photo.bytes)))
      expect(result).toMatchObject({ mediaType: 'image/jpeg', width: 2250, height: 3000 })
      const after = await sharp(result.bytes).metadata()
      expect(after).toMatchObject({ width: 2250, height: 3000 })
      // The colour profile describes the camera, not the student: kept as it came, so no pixel is converted.
      expect(after.icc?.equals(before.icc!)).toBe(true)
      expect([after.exif, after.xmp, after.iptc, after.orientation]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ])
      expect(result.bytes.includes(Buffer.from('iPhone 13'))).toBe(false)
    },
  )

  it('converts a CMYK scan with its profile to sRGB, dropping a profile that would not fit', async () => {
    const cmyk = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#c03020' } })
      .withIccProfile('cmyk')
      .jpeg()
      .toBuffer()
    expect(await sharp(cmyk).metadata()).toMatchObject({ space: 'cmyk' })
    const result = accepted(await inspectFile(await place('scan.jpg', cmyk)))
    const after = await sharp(result.bytes).metadata()
    expect(after).toMatchObject({ space: 'srgb', channels: 3 })
    expect(after.icc).toBeUndefined()
    const [red, green, blue] = await pixel(result.bytes, 300, 200)
    expect(red).toBeGreaterThan(150)
    expect(Math.max(green!, blue!)).toBeLessThan(100)
  })

  it('keeps a scanner PDF with one 300 dpi JPEG per page byte for byte', { timeout: 30_000 }, async () => {
    for (const [pages, size] of [
      [1, 1_312_345],
      [3, 2_712_345],
    ] as const) {
      const scan = await realistic.scannerPdf(pages, size)
      const result = accepted(await inspectFile(await place(scan.name, scan.bytes)))
      expect(result).toMatchObject({ mediaType: 'application/pdf', pages, size })
      expect(result.bytes.equals(scan.bytes)).toBe(true)
    }
  })

  it('keeps a 204,321 B screenshot as PNG at its own size in pixels', async () => {
    const shot = await realistic.screenshot()
    expect(shot.bytes.length).toBe(204_321)
    const result = accepted(await inspectFile(await place(shot.name, shot.bytes)))
    expect(result).toMatchObject({ mediaType: 'image/png', width: 1366, height: 768 })
    expect(result.size).toBeLessThan(shot.bytes.length)
  })

  it(
    'converts a 6.8 MB grayscale TIFF scan to a JPEG that fits 3000 pixels',
    { timeout: 30_000 },
    async () => {
      const tiff = await realistic.tiffScan()
      expect(tiff.bytes.length).toBe(6_800_000)
      const result = accepted(await inspectFile(await place(tiff.name, tiff.bytes)))
      expect(result).toMatchObject({ mediaType: 'image/jpeg', width: 1775, height: 3000 })
    },
  )
})

describe('PDFs', () => {
  it('keeps a 2-page PDF byte for byte', async () => {
    const original = await corpus.pdf(2)
    const result = accepted(await inspectFile(await place('enrollment.pdf', original)))
    expect(result).toMatchObject({ mediaType: 'application/pdf', pages: 2, size: original.length })
    expect(result.bytes.equals(original)).toBe(true)
    expect(result).not.toHaveProperty('width')
  })

  it.each([
    ['an 11-page PDF', 'long.pdf', () => corpus.pdf(11), 'pdf_too_many_pages'],
    ['an encrypted PDF', 'locked.pdf', corpus.encryptedPdf, 'pdf_encrypted'],
    [
      'JavaScript in a compressed object stream',
      'js.pdf',
      corpus.pdfWithCompressedJavaScript,
      'pdf_active_content',
    ],
    ['JavaScript under an escaped name', 'js2.pdf', corpus.pdfWithDisguisedJavaScript, 'pdf_active_content'],
    ['a PDF cut in half', 'cut.pdf', async () => corpus.firstHalf(await corpus.pdf(2)), 'truncated'],
    ['a PDF with nothing readable inside', 'garbage.pdf', corpus.garbagePdf, 'pdf_unreadable'],
  ])('refuses %s', async (_, name, make, code) => {
    expect(await refusal(name, await make())).toBe(code)
  })

  it('refuses a 1 MB PDF whose object stream inflates to 1 GiB, stopped by the unpacking budget', async () => {
    const bomb = corpus.pdfObjectStreamBomb()
    expect(bomb.length).toBeGreaterThan(1_000_000)
    expect(bomb.length).toBeLessThan(1_100_000)
    const result = await inspectFile(await place('bomb.pdf', bomb))
    expect(result).toMatchObject({ ok: false, error: { code: 'pdf_too_complex' } })
    // Only the budget writes this: the stream was cut off at its cap, not read to its end.
    expect(!result.ok && result.error.message).toMatch(/one compressed stream unpacks to over 16\.0 MiB/)
  })

  it('refuses an object stream that is one deflate block of 256 MiB, inflated by zlib up to the cap', async () => {
    // pdf-lib alone would undo the whole block before counting it (762 MB of memory for this file).
    const bomb = corpus.pdfObjectStreamBomb(256, true)
    // Also with a window zlib refuses and pdf-lib ignores: read past the header as pdf-lib reads it.
    const window = Buffer.from(bomb)
    window.set([0xf8, 0x1f], window.indexOf('stream\n') + 'stream\n'.length)
    for (const [name, bytes] of [
      ['one-block.pdf', bomb],
      ['window.pdf', window],
    ] as const) {
      const result = await inspectFile(await place(name, bytes))
      expect(result).toMatchObject({ ok: false, error: { code: 'pdf_too_complex' } })
      expect(!result.ok && result.error.message).toMatch(/one compressed stream unpacks to over 16\.0 MiB/)
    }
  })

  it('applies the budget to every object stream and in total, as a smaller budget shows', async () => {
    const ordinary = await corpus.pdfWithObjectStreams(3)
    const path = await place('ordinary.pdf', ordinary)
    expect(accepted(await inspectFile(path)).pages).toBe(3)
    const budget = { ...defaultPdfBudget, streamBytes: 1024 * 1024, totalBytes: 1024 * 1024 }
    const tight = (change: Partial<typeof budget>) =>
      inspectFile(path, { pdfBudget: { ...budget, ...change } })
    expect(await tight({ streamBytes: 100 })).toMatchObject({
      ok: false,
      error: { code: 'pdf_too_complex', message: expect.stringMatching(/one compressed stream/) },
    })
    expect(await tight({ totalBytes: 100 })).toMatchObject({
      ok: false,
      error: { code: 'pdf_too_complex', message: expect.stringMatching(/its compressed streams/) },
    })
    expect(await tight({ objects: 2 })).toMatchObject({
      ok: false,
      error: { code: 'pdf_too_complex', message: expect.stringMatching(/over 2 objects/) },
    })
  })

  it('counts a negative object count in an object stream as none, so it cannot pay for another', async () => {
    // 80 pages: pdf-lib packs the objects into two object streams (50, then the rest).
    const text = (await corpus.pdfWithObjectStreams(80)).toString('latin1')
    const counts = [...text.matchAll(/\/Type \/ObjStm\n\/N (\d+)/g)].map((m) => Number(m[1]))
    expect(counts).toHaveLength(2)
    // Same length, so every offset in the file still holds: the first stream now "declares" -9.
    const hostile = Buffer.from(text.replace('/Type /ObjStm\n/N 50', '/Type /ObjStm\n/N -9'), 'latin1')
    const budget = {
      ...defaultPdfBudget,
      streamBytes: 1024 * 1024,
      totalBytes: 1024 * 1024,
      objects: counts[1]! - 1,
    }
    const result = await inspectFile(await place('negative.pdf', hostile), { pdfBudget: budget })
    expect(result).toMatchObject({ ok: false, error: { code: 'pdf_too_complex' } })
  })

  it('refuses a PDF over 10 MiB', async () => {
    expect(await refusal('big.pdf', await corpus.largePdf(11 * 1024 * 1024))).toBe('too_large')
  })
})

describe('type from content, not name', () => {
  it('accepts a PNG named .jpg as the PNG it is, and notes the extension', async () => {
    const result = accepted(await inspectFile(await place('photo.jpg', await corpus.png())))
    expect(result).toMatchObject({
      mediaType: 'image/png',
      extensionMismatch: '.jpg',
      width: 600,
      height: 400,
    })
  })

  it.each([
    ['a phone photo named .png', 'IMG_4127.png', realistic.phonePhoto, 'image/jpeg', '.png'],
    ['a scanner PDF named .jpg', 'SCAN0042.jpg', () => realistic.scannerPdf(), 'application/pdf', '.jpg'],
    ['a TIFF named .pdf', 'scan_001.pdf', realistic.tiffScan, 'image/jpeg', '.pdf'],
    ['a TIFF named .tiff', 'scan_001.tiff', realistic.tiffScan, 'image/jpeg', undefined],
  ])('accepts %s', { timeout: 30_000 }, async (_, name, make, mediaType, mismatch) => {
    const result = accepted(await inspectFile(await place(name, (await make()).bytes)))
    expect(result.mediaType).toBe(mediaType)
    expect(result.extensionMismatch).toBe(mismatch)
  })

  it('refuses a GIF named .jpg as a mismatch, since it is no format Guichet takes', async () => {
    expect(await refusal('photo.jpg', await corpus.gif())).toBe('type_mismatch')
  })

  it('refuses random bytes named .pdf, and random bytes under any name', async () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))
    expect(await refusal('passport.pdf', noise)).toBe('type_mismatch')
    expect(await refusal('passport.bin', noise)).toBe('unsupported_type')
  })

  it('accepts a JPEG whose name says nothing about its type', async () => {
    const result = accepted(await inspectFile(await place('scan-0001', await corpus.jpeg())))
    expect(result.mediaType).toBe('image/jpeg')
  })
})

describe('the file itself', () => {
  it('refuses an empty file', async () => {
    expect(await refusal('empty.pdf', new Uint8Array())).toBe('empty')
  })

  it('refuses a file over 50 MiB without reading it', async () => {
    const path = await place('enormous.pdf', new Uint8Array())
    await truncate(path, 60 * 1024 * 1024)
    let reads = 0
    const counting: InspectFs = { ...nodeFs, read: (p, max) => (reads++, nodeFs.read(p, max)) }
    const result = await inspectFile(path, { fs: counting })
    expect(result).toMatchObject({ ok: false, error: { code: 'too_large' } })
    expect(reads).toBe(0)
  })

  it('reports a file that does not exist, or vanishes between the size check and the read', async () => {
    expect(await inspectFile(join(dir, 'nowhere.pdf'))).toMatchObject({
      ok: false,
      error: { code: 'file_missing' },
    })
    const path = await place('vanishing.pdf', await corpus.pdf(1))
    const vanishing: InspectFs = { ...nodeFs, read: async (p, max) => (await unlink(p), nodeFs.read(p, max)) }
    expect(await inspectFile(path, { fs: vanishing })).toMatchObject({
      ok: false,
      error: { code: 'file_missing' },
    })
  })

  it('refuses a file that is still being written while read', async () => {
    const path = await place('growing.pdf', await corpus.pdf(1))
    const growing: InspectFs = {
      ...nodeFs,
      read: async (p, max) => {
        const bytes = await nodeFs.read(p, max)
        await appendFile(p, '% more\n')
        return bytes
      },
    }
    expect(await inspectFile(path, { fs: growing })).toMatchObject({
      ok: false,
      error: { code: 'file_changed' },
    })
  })

  it('refuses a folder', async () => {
    const folder = join(dir, 'scans.pdf')
    await mkdir(folder)
    expect(await inspectFile(folder)).toMatchObject({ ok: false, error: { code: 'not_a_file' } })
  })
})

it("documents every refusal code in the README's refusal codes section", async () => {
  const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8')
  const table = readme.split('## Documents: refusal codes')[1]?.split(/^## /m)[0] ?? ''
  for (const code of REFUSAL_CODES) expect(table).toMatch(new RegExp(`^\\| \`${code}\` +\\|`, 'm'))
})
