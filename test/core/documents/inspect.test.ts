import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, truncate, unlink, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectFile, type AcceptedFile, type InspectResult } from '../../../electron/core/documents/inspect'
import { REFUSAL_CODES } from '../../../electron/core/documents/refusals'
import { nodeFs, type InspectFs } from '../../../electron/core/documents/read-stable'
import * as corpus from '../../fixtures/documents/corpus'

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

  it('refuses a PDF over 10 MiB', async () => {
    expect(await refusal('big.pdf', await corpus.largePdf(11 * 1024 * 1024))).toBe('too_large')
  })
})

describe('type from content, not name', () => {
  it('refuses a PNG named .jpg', async () => {
    expect(await refusal('photo.jpg', await corpus.png())).toBe('type_mismatch')
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
