import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  inspectFile,
  type InspectOptions,
  type InspectResult,
} from '../../../electron/core/documents/inspect'
import { defaultPdfBudget } from '../../../electron/core/documents/pdf-budget'
import * as corpus from '../../fixtures/documents/corpus'
import * as bombs from '../../fixtures/documents/pdf-bombs'
import * as realistic from '../../fixtures/documents/realistic'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-pdf-streams-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function inspect(name: string, bytes: Uint8Array, options?: InspectOptions): Promise<InspectResult> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return inspectFile(path, options)
}

const refused = (detail: RegExp) => ({
  ok: false,
  error: { code: 'pdf_stream_too_big', message: expect.stringMatching(detail) },
})

describe('streams pdf.js would unpack whole are unpacked at take-in, counted, and refused past their budget', () => {
  it('refuses a 530 KB PDF whose 100 × 100 picture inflates to 512 MiB, past its 10,000 pixels', async () => {
    const bomb = bombs.pictureBomb()
    expect(bomb.length).toBeGreaterThan(500_000)
    expect(bomb.length).toBeLessThan(600_000)
    expect(await inspect('picture.pdf', bomb)).toMatchObject(
      refused(/a 100 × 100 picture unpacks to more than its pixels/),
    )
  })

  it('reads the filter where pdf.js reads it first, the inline-image key /F with its short name /Fl', async () => {
    expect(await inspect('short.pdf', bombs.pictureBomb(64, '/F /Fl'))).toMatchObject(
      refused(/100 × 100 picture/),
    )
  })

  it('follows a chain of filters: Flate inside Flate, a few KB that unpack to 1 GiB', async () => {
    const bomb = bombs.nestedPictureBomb()
    expect(bomb.length).toBeLessThan(10_000)
    expect(await inspect('nested.pdf', bomb)).toMatchObject(refused(/100 × 100 picture/))
  })

  it('refuses page contents that inflate to 512 MiB, past the 16 MiB one stream may unpack to', async () => {
    expect(await inspect('contents.pdf', bombs.contentsBomb())).toMatchObject(
      refused(/one stream unpacks to over 16\.0 MiB/),
    )
  })

  it('refuses Flate contents on which zlib would stop at once and pdf.js read on to 512 MiB', async () => {
    // A header zlib refuses and pdf.js does not check: read past it, as pdf.js does.
    expect(await inspect('window.pdf', bombs.lenientContentsBomb('window'))).toMatchObject(
      refused(/one stream unpacks to over 16\.0 MiB/),
    )
    // Deflate data zlib calls damaged and pdf.js reads through: not measurable, so refused as damaged.
    expect(await inspect('stored.pdf', bombs.lenientContentsBomb('empty stored block'))).toMatchObject({
      ok: false,
      error: { code: 'pdf_unreadable', message: expect.stringMatching(/compressed streams is damaged/) },
    })
  })

  it('refuses page contents in LZW that unpack to 512 MiB from 228 KB', async () => {
    const bomb = bombs.lzwContentsBomb()
    expect(bomb.length).toBeLessThan(250_000)
    expect(await inspect('lzw.pdf', bomb)).toMatchObject(refused(/one stream unpacks to over 16\.0 MiB/))
  })

  it('refuses page contents in Brotli (read by pdf.js 5) that unpack to 64 MiB', async () => {
    const brotli = brotliCompressSync(Buffer.alloc(64 * 1024 * 1024, 0x20))
    const bomb = bombs.pdfDrawing(
      { dict: '/Filter /BrotliDecode', data: brotli },
      { dict: '/Subtype /Form /BBox [0 0 1 1]', data: Buffer.from('') },
    )
    expect(await inspect('brotli.pdf', bomb)).toMatchObject(refused(/one stream unpacks to over 16\.0 MiB/))
  })

  it('refuses a picture drawn inline in the page contents whose Flate data inflates to 512 MiB', async () => {
    expect(await inspect('inline.pdf', bombs.inlinePictureBomb())).toMatchObject(refused(/100 × 100 picture/))
  })

  it('refuses contents that would make the check try over 20,000 inline pictures', async () => {
    const busy = bombs.pdfDrawing(
      { dict: '', data: Buffer.from('BI [ '.repeat(25_000), 'latin1') },
      { dict: '/Subtype /Form /BBox [0 0 1 1]', data: Buffer.from('') },
    )
    expect(await inspect('busy.pdf', busy)).toMatchObject(refused(/over 20000 inline pictures/))
  })

  it('counts every stream against a total that grows with the file', async () => {
    // Two ordinary pages, each stream within its own cap: only the total can refuse them.
    const ordinary = (await realistic.certificatePdf()).bytes
    const budget = { ...defaultPdfBudget, unpackedBytes: 0, unpackedPerFileByte: 1 }
    expect(await inspect('total.pdf', ordinary, { pdfBudget: budget })).toMatchObject(
      refused(/its streams unpack to over 0\.\d MiB in all/),
    )
    const roomier = { ...budget, unpackedPerFileByte: 1000 }
    expect(await inspect('total.pdf', ordinary, { pdfBudget: roomier })).toMatchObject({ ok: true })
  })

  it('refuses picture data (JPEG) on a stream that declares no picture size', async () => {
    const jpeg = await corpus.jpeg()
    const odd = bombs.pdfDrawing(
      { dict: '/Filter /DCTDecode', data: jpeg },
      { dict: '/Subtype /Form /BBox [0 0 1 1]', data: Buffer.from('') },
    )
    expect(await inspect('odd.pdf', odd)).toMatchObject(refused(/picture data where no picture/))
  })

  it('refuses JPEG 2000 data whose codestream says 20,000 × 20,000 in a picture that says 100 × 100', async () => {
    // SIZ: length, capabilities, width, height, offsets 0, tile size, tile offsets, one component.
    const siz = Buffer.alloc(4 + 2 + 2 + 32 + 2 + 3)
    siz.writeUInt32BE(0xff4fff51, 0)
    siz.writeUInt16BE(41, 4)
    siz.writeUInt32BE(20_000, 8)
    siz.writeUInt32BE(20_000, 12)
    siz.writeUInt32BE(20_000, 24)
    siz.writeUInt32BE(20_000, 28)
    const box = (type: string, body: Buffer) => {
      const head = Buffer.alloc(8)
      head.writeUInt32BE(8 + body.length)
      head.write(type, 4, 'latin1')
      return Buffer.concat([head, body])
    }
    // A JP2 file: its signature and header boxes, then the codestream's box.
    const jp2 = Buffer.concat([
      box('jP  ', Buffer.from([13, 10, 0x87, 10])),
      box('jp2h', Buffer.alloc(22)),
      box('jp2c', siz),
    ])
    for (const data of [siz, jp2]) {
      const picture = {
        dict: '/Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /JPXDecode',
        data,
      }
      expect(
        await inspect('jpx.pdf', bombs.pdfDrawing({ dict: '', data: Buffer.from('') }, picture)),
      ).toMatchObject({
        ok: false,
        error: { code: 'image_too_large', message: expect.stringMatching(/20000 × 20000/) },
      })
    }
  })

  it('refuses JPEG 2000 data of 2480 × 3508 pixels in 16,384 components, and takes a scanner’s grey page', async () => {
    const codestream = (components: number) => {
      // SIZ as above, for a 300 dpi A4 page, each component 8 bits and not subsampled.
      const siz = Buffer.alloc(42 + components * 3)
      siz.writeUInt32BE(0xff4fff51, 0)
      siz.writeUInt16BE(38 + components * 3, 4)
      siz.writeUInt32BE(2480, 8)
      siz.writeUInt32BE(3508, 12)
      siz.writeUInt32BE(2480, 24)
      siz.writeUInt32BE(3508, 28)
      siz.writeUInt16BE(components, 40)
      for (let c = 0; c < components; c++) siz.set([7, 1, 1], 42 + c * 3)
      return bombs.pdfDrawing(
        { dict: '', data: Buffer.from('') },
        {
          dict: '/Subtype /Image /Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /JPXDecode',
          data: siz,
        },
      )
    }
    expect(await inspect('jpx-components.pdf', codestream(16_384))).toMatchObject({
      ok: false,
      error: { code: 'image_too_large', message: expect.stringMatching(/16384 components/) },
    })
    const grey = await inspect('jpx-grey.pdf', codestream(1))
    expect(grey.ok).toBe(true)
  })

  it('refuses a picture that declares over 100 megapixels, as any image', async () => {
    const huge = bombs.pdfDrawing(
      { dict: '', data: Buffer.from('') },
      {
        dict: '/Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode',
        data: Buffer.from([0, 1]),
      },
    )
    expect(await inspect('huge.pdf', huge)).toMatchObject({ ok: false, error: { code: 'image_too_large' } })
  })
})

describe('what students bring still passes', () => {
  it.each([
    ['a scanner PDF, one 300 dpi JPEG per page', () => realistic.scannerPdf(2)],
    ['a lossless 300 dpi colour page (26 MB of Flate pixels with PNG predictors)', realistic.losslessScanPdf],
    ['a copier’s CCITT Group 4 page', realistic.copierScanPdf],
    ['a generated certificate (Flate contents, a logo with a soft mask)', realistic.certificatePdf],
  ])('%s', { timeout: 30_000 }, async (_, make) => {
    const { bytes } = await make()
    const result = await inspect('real.pdf', bytes)
    expect(result).toMatchObject({ ok: true, mediaType: 'application/pdf' })
    expect(result.ok && result.bytes.equals(bytes)).toBe(true)
  })

  it('a page with a small Flate picture drawn inline, as Ghostscript writes them', async () => {
    expect(await inspect('inline.pdf', bombs.inlinePictureBomb(0, true))).toMatchObject({ ok: true })
  })

  it('a PDF of ten pages with compressed object streams and Flate contents', async () => {
    expect(await inspect('ten.pdf', await corpus.pdfWithObjectStreams(10))).toMatchObject({
      ok: true,
      pages: 10,
    })
  })
})
