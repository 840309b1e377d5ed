import type * as Zlib from 'node:zlib'
import { deflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFRawStream, type PDFDict } from 'pdf-lib'
import sharp from 'sharp'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { pdfPageImages } from '../../../electron/core/ocr/pdf-images'

/**
 * Every inflate the module runs goes through the real zlib; what it hands back, or the error it
 * stops with, is kept, so a test can see how far a stream was unpacked without timing anything.
 */
const inflates = vi.hoisted(() => [] as { produced: number; error?: string }[])
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof Zlib>()
  const inflateSync = (...args: Parameters<typeof zlib.inflateSync>) => {
    try {
      const out = zlib.inflateSync(...args)
      inflates.push({ produced: out.length })
      return out
    } catch (error) {
      inflates.push({ produced: 0, error: (error as NodeJS.ErrnoException).code ?? String(error) })
      throw error
    }
  }
  return { ...zlib, inflateSync, default: { ...zlib, inflateSync } }
})

beforeEach(() => {
  inflates.length = 0
})

const MiB = 1024 * 1024

/** A one-page PDF whose page draws one Flate image XObject holding `compressed` as its data. */
async function pdfWithImage(width: number, height: number, space: string, compressed: Buffer) {
  const pdf = await PDFDocument.create()
  const page = pdf.addPage([595, 842])
  const dict: PDFDict = pdf.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: space,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    Length: compressed.length,
  })
  const ref = pdf.context.register(PDFRawStream.of(dict, compressed))
  page.node.setXObject(PDFName.of('Im0'), ref)
  const content = pdf.context.register(pdf.context.stream(`q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`))
  page.node.set(PDFName.of('Contents'), content)
  return pdf.save()
}

/** Pixels a scanner could have written: a gradient with a dark band across it, `channels` per pixel. */
function samplePixels(width: number, height: number, channels = 1): Buffer {
  const pixels = Buffer.alloc(width * height * channels)
  for (let i = 0; i < pixels.length; i++) {
    const x = Math.floor(i / channels) % width
    const y = Math.floor(i / channels / width)
    pixels[i] = y > height * 0.7 ? 20 : ((x + (i % channels) * 40) * 255) / (width + 80)
  }
  return pixels
}

describe('the images the OCR reads off a PDF’s pages', () => {
  it.each([
    ['greyscale', 'DeviceGray', 1, 'b-w'],
    ['RGB', 'DeviceRGB', 3, 'srgb'],
  ] as const)(
    'reads an ordinary Flate %s image with its own size and pixels',
    async (_, space, channels, colour) => {
      const pixels = samplePixels(317, 211, channels)
      const [image, ...more] = await pdfPageImages(await pdfWithImage(317, 211, space, deflateSync(pixels)))
      expect(more).toEqual([])
      const { data, info } = await sharp(image)
        .toColourspace(colour)
        .raw()
        .toBuffer({ resolveWithObject: true })
      expect([info.width, info.height, info.channels]).toEqual([317, 211, channels])
      expect(data.equals(pixels)).toBe(true)
    },
  )

  it('takes a 100×100 image whose stream unpacks to 96 MiB as no image, unpacking no more than its pixels', async () => {
    const bomb = deflateSync(Buffer.alloc(96 * MiB), { level: 9 })
    const bytes = await pdfWithImage(100, 100, 'DeviceRGB', bomb)
    expect(bytes.length).toBeLessThan(200_000)

    expect(await pdfPageImages(bytes)).toEqual([])
    // The inflate stopped at 100 × 100 × 3 bytes, instead of handing back 96 MiB to be measured.
    expect(inflates).toEqual([{ produced: 0, error: 'ERR_BUFFER_TOO_LARGE' }])
  })

  it('does not unpack an image that declares more pixels than the limit any image has', async () => {
    // 12,000 × 9,000 = 108 Mpx: a sharp decode of such a file is refused before a pixel is read.
    const stream = deflateSync(Buffer.alloc(4 * MiB), { level: 9 })
    expect(await pdfPageImages(await pdfWithImage(12_000, 9_000, 'DeviceGray', stream))).toEqual([])
    expect(inflates).toEqual([])
  })

  it('takes a damaged image stream as no image, and still reads the next page’s', async () => {
    const pixels = samplePixels(203, 141)
    const whole = deflateSync(pixels)
    const cut = whole.subarray(0, whole.length >> 1)
    const damaged = await PDFDocument.load(await pdfWithImage(203, 141, 'DeviceGray', cut))
    const good = await PDFDocument.load(await pdfWithImage(203, 141, 'DeviceGray', deflateSync(pixels)))
    const [copied] = await damaged.copyPages(good, [0])
    damaged.addPage(copied)

    const images = await pdfPageImages(await damaged.save())
    expect(images).toHaveLength(1)
    expect((await sharp(images[0]).metadata()).width).toBe(203)
    expect(inflates.map((inflate) => inflate.error)).toEqual(['Z_BUF_ERROR', undefined])
  })
})
