import { mkdir, mkdtemp, rename, rm, unlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers, type HostHandlers } from '../../../electron/core/handlers'
import type { ScanThumbnail } from '../../../src/domain/ipc/events'
import type { Result } from '../../../src/domain/result'
import * as corpus from '../../fixtures/documents/corpus'
import * as bombs from '../../fixtures/documents/pdf-bombs'
import * as realistic from '../../fixtures/documents/realistic'

let dir: string
let folder: string
let core: Core
const host: HostHandlers = { chooseFiles: async () => [] }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-thumbnail-'))
  folder = join(dir, 'scans')
  await mkdir(folder)
  core = await openCore({
    dataDir: join(dir, 'data'),
    host: 'web',
    version: 'test',
    resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
  })
  core.settings.update({ scannerFolder: folder })
  core.scans.follow(folder)
})
afterAll(async () => {
  core.close()
  await rm(dir, { recursive: true, force: true })
})

/**
 * A file the scanner finished a minute ago, then listed by the tray (no settle wait). Written beside
 * the folder and moved in whole, so the folder's poll never sees it before its time is set.
 */
async function scanned(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(folder, name)
  const outside = join(dir, name)
  await writeFile(outside, bytes)
  const minuteAgo = (Date.now() - 60_000) / 1000
  await utimes(outside, minuteAgo, minuteAgo)
  await rename(outside, path)
  core.scans.follow('')
  core.scans.follow(folder)
  await core.scans.settled()
  return path
}

/** Through the one door every host uses: the contract's validation, then the handler. */
const thumbnail = (path: unknown) =>
  dispatch(createHandlers(core, host), 'scanThumbnail', { path }, core.admin) as Promise<
    Result<ScanThumbnail>
  >

async function picture(path: string): Promise<ScanThumbnail> {
  const answer = await thumbnail(path)
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`)
  return answer.value
}

async function image(path: string) {
  const made = await picture(path)
  if (made.kind !== 'image') throw new Error(`expected an image, got ${JSON.stringify(made)}`)
  const bytes = Buffer.from(made.base64, 'base64')
  return { made, bytes, metadata: await sharp(bytes).metadata() }
}

/** The pictures drawn on a page, as the PDF holds them. */
function pictures(document: PDFDocument) {
  const xobjects = document.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)
  return [...(xobjects?.entries() ?? [])].flatMap(([, ref]) => {
    const stream = document.context.lookup(ref)
    if (!(stream instanceof PDFRawStream)) return []
    const number = (key: string) => stream.dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber()
    return [
      {
        width: number('Width'),
        height: number('Height'),
        space: stream.dict.get(PDFName.of('ColorSpace'))?.toString(),
        bytes: Buffer.from(stream.contents),
      },
    ]
  })
}

describe('the scanner tray’s thumbnails', () => {
  it('shrinks a sideways phone photo with a colour profile to 160 px, upright, as WebP with no metadata', async () => {
    const photo = await realistic.phonePhoto()
    expect(photo.bytes.length).toBe(2_712_345)
    const { made, bytes, metadata } = await image(await scanned(photo.name, photo.bytes))
    expect(made.mediaType).toBe('image/webp')
    expect(metadata.format).toBe('webp')
    // 4032 × 3024 stored with orientation 6: a portrait page once upright.
    expect([metadata.width, metadata.height]).toEqual([120, 160])
    expect(metadata).not.toHaveProperty('exif')
    expect(metadata).not.toHaveProperty('icc')
    expect(metadata).not.toHaveProperty('xmp')
    expect(metadata.orientation).toBeUndefined()
    expect(bytes.includes(Buffer.from('iPhone'))).toBe(false)
    expect(bytes.length).toBeLessThan(20_000)
  })

  it('turns the photo the way its EXIF says (the red half comes out on the right)', async () => {
    const { bytes, metadata } = await image(
      await scanned('sideways.jpg', await corpus.sidewaysPhotoWithGps()),
    )
    expect([metadata.width, metadata.height]).toEqual([107, 160])
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
    const at = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ]
    const [rightR = 0, , rightB = 0] = at(info.width - 10, 80)
    const [leftR = 0, , leftB = 0] = at(10, 80)
    expect(rightR).toBeGreaterThan(200)
    expect(rightB).toBeLessThan(60)
    expect(leftB).toBeGreaterThan(200)
    expect(leftR).toBeLessThan(60)
  })

  it('cuts a scanner PDF’s first page into a one-page PDF, without the rest of the file', async () => {
    const scan = await realistic.scannerPdf(3, 3_412_345)
    const made = await picture(await scanned(scan.name, scan.bytes))
    if (made.kind !== 'pdf') throw new Error(`expected a PDF page, got ${made.kind}`)
    expect(made.pages).toBe(3)
    const cut = Buffer.from(made.base64, 'base64')
    const one = await PDFDocument.load(cut)
    expect(one.getPageCount()).toBe(1)
    expect(one.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 })
    // The scanner software's own metadata stream stays behind with the catalog.
    expect(one.catalog.get(PDFName.of('PieceInfo'))).toBeUndefined()
    // The page's 300 dpi scan (2480 × 3508) is drawn from a 320 px JPEG: what pdf.js decodes.
    const [drawn] = pictures(one)
    expect(drawn).toMatchObject({ width: 226, height: 320, space: '/DeviceRGB' })
    const { width, height, channels } = await sharp(drawn?.bytes).metadata()
    expect([width, height, channels]).toEqual([226, 320, 3])
    expect(cut.length).toBeLessThan(40_000)
  })

  it('keeps a PDF page’s text as drawn, with its font', async () => {
    const original = await corpus.pdf(2)
    const made = await picture(await scanned('attestation.pdf', original))
    if (made.kind !== 'pdf') throw new Error(`expected a PDF page, got ${made.kind}`)
    const one = await PDFDocument.load(Buffer.from(made.base64, 'base64'))
    expect(one.getPageCount()).toBe(1)
    expect(pictures(one)).toEqual([])
    const contents = async (document: PDFDocument) => {
      const stream = document.getPage(0).node.Contents()
      const first = stream instanceof PDFArray ? document.context.lookup(stream.get(0)) : stream
      return first instanceof PDFRawStream ? Buffer.from(first.contents) : Buffer.alloc(0)
    }
    expect((await contents(one)).length).toBeGreaterThan(0)
    expect(await contents(one)).toEqual(await contents(await PDFDocument.load(original)))
    const fonts = one.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)
    expect(fonts?.entries()).toHaveLength(1)
  })

  it('gives no picture but the reason for a truncated photo, a GIF and a PDF with JavaScript', async () => {
    const photo = await realistic.phonePhoto()
    expect(await picture(await scanned('IMG_4128.JPG', corpus.firstHalf(photo.bytes)))).toEqual({
      kind: 'none',
      code: 'truncated',
    })
    expect(await picture(await scanned('anim.gif', await corpus.gif()))).toEqual({
      kind: 'none',
      code: 'unsupported_type',
    })
    expect(await picture(await scanned('form.pdf', await corpus.pdfWithCompressedJavaScript()))).toEqual({
      kind: 'none',
      code: 'pdf_active_content',
    })
  })

  it('refuses a 20,000 × 20,000 PNG bomb from its header, before a pixel is decoded', async () => {
    const bomb = corpus.decompressionBombPng(20_000)
    // Decoding would have failed on the empty pixel data as `truncated`: the header check came first.
    expect(await picture(await scanned('bomb.png', bomb))).toEqual({ kind: 'none', code: 'image_too_large' })
  })

  it('gives no PDF for pdf.js to draw, only the reason, for pages or pictures that unpack past their budget', async () => {
    // The page draws what the core hands it: a refusal code is never drawn.
    expect(await picture(await scanned('SCAN0043.PDF', bombs.pictureBomb()))).toEqual({
      kind: 'none',
      code: 'pdf_stream_too_big',
    })
    expect(await picture(await scanned('SCAN0044.PDF', bombs.lzwContentsBomb()))).toEqual({
      kind: 'none',
      code: 'pdf_stream_too_big',
    })
  })

  it('still cuts the first page of a lossless 300 dpi colour scan, whose picture unpacks to 26 MB', async () => {
    const made = await picture(
      await scanned('Scan 2 sept. 2026.pdf', (await realistic.losslessScanPdf()).bytes),
    )
    expect(made).toMatchObject({ kind: 'pdf', pages: 1 })
  }, 30_000)

  it('refuses any path that is not in the tray now, even one the agent chose in the dialog', async () => {
    const desktop = join(dir, 'passport.jpg')
    await writeFile(desktop, await corpus.jpeg())
    core.grants.grant([desktop])
    expect(await thumbnail(desktop)).toMatchObject({ ok: false, error: { code: 'not_granted' } })
    expect(await thumbnail(join(folder, '..', 'passport.jpg'))).toMatchObject({
      ok: false,
      error: { code: 'not_granted' },
    })
    expect(await thumbnail('/etc/passwd')).toMatchObject({ ok: false, error: { code: 'not_granted' } })
    expect(await thumbnail(undefined)).toMatchObject({ ok: false, error: { code: 'invalid_request' } })

    const gone = await scanned('gone.jpg', await corpus.jpeg())
    expect((await picture(gone)).kind).toBe('image')
    await unlink(gone)
    await scanned('other.png', await corpus.png())
    expect(await thumbnail(gone)).toMatchObject({ ok: false, error: { code: 'not_granted' } })
  })

  it('says the file vanished when it goes between the tray’s look and the read', async () => {
    const path = await scanned('moved.pdf', await corpus.pdf(1))
    await unlink(path)
    expect(await picture(path)).toEqual({ kind: 'none', code: 'file_missing' })
  })
})
