import {
  PDFArray,
  PDFBool,
  PDFName,
  PDFNumber,
  PDFStream,
  type PDFDict,
  type PDFObject,
  type PDFRawStream,
} from 'pdf-lib'
import { MAX_INPUT_PIXELS, inMiB } from './limits'
import { checkedHeader } from './normalize-image'
import type { PdfBudget } from './pdf-budget'
import { filtersOf, firstOf, unpackOne } from './pdf-filters'
import { inlineImages } from './pdf-inline-images'
import { isRefusal, refuse } from './refusals'

/**
 * pdf.js (the renderer's pages and thumbnails) unpacks a stream whole, whatever size its picture
 * declares: a 500 KB file whose 100 × 100 picture inflates to 512 MiB took its worker past 1 GiB. So
 * every stream of a PDF taken in is unpacked here first, in chunks, and counted: a picture's pixels no
 * further than its declared width × height × colours, any other stream (page contents, fonts) no
 * further than `budget.streamBytes`, and all of them within a total that grows with the file. A file
 * that passes cannot make pdf.js unpack more; one that does not is refused with
 * `pdf_stream_too_big` before anything is drawn. Pictures drawn inline in page contents are measured
 * the same way (pdf-inline-images.ts). Bytes are kept only as long as the next step needs them.
 *
 * A picture filter (JPEG, JPEG 2000, JBIG2, CCITT) is not run: its size is the picture's. The header of
 * a JPEG or JPEG 2000 codestream is held to the pixel limit (pdf.js decodes it at that size); the others
 * to the size the stream declares, which is what pdf.js reads of a CCITT picture (JBIG2 segments, which
 * declare their own, are not read: SECURITY.md).
 */
export async function checkStreams(
  streams: readonly PDFRawStream[],
  fileBytes: number,
  budget: PdfBudget,
): Promise<void> {
  const spent: Spent = {
    bytes: 0,
    total: Math.max(budget.unpackedBytes, fileBytes * budget.unpackedPerFileByte),
    inlineTries: { count: 0, max: MAX_INLINE_TRIES },
  }
  for (const stream of streams) await checkStream(stream, budget, spent)
}

// A page of text may hold a few hundred `BI` in its words and binary fonts a few more; a file that
// makes the check parse more is refused.
const MAX_INLINE_TRIES = 20_000

interface Spent {
  bytes: number
  readonly total: number
  readonly inlineTries: { count: number; max: number }
}

/** Checks one stream, and the pictures drawn inline in it unless it is itself one of those. */
async function checkStream(
  stream: PDFRawStream,
  budget: PdfBudget,
  spent: Spent,
  inline = false,
): Promise<void> {
  const filters = filtersOf(stream.dict)
  // pdf.js draws nothing from such a stream; pdf-lib keeps it as it is.
  if (filters === 'unreadable') return
  const pictureAt = filters.findIndex((filter) => filter.kind === 'picture')
  const picture = pictureOf(stream.dict)
  if (pictureAt >= 0 && (pictureAt < filters.length - 1 || !picture)) {
    // No producer writes either; pdf.js would decode the picture whole, at a size nothing here bounds.
    throw refuse('pdf_stream_too_big', 'picture data where no picture of a known size belongs')
  }
  const last = filters.findLastIndex((filter) => filter.kind === 'unpack')
  let data: Uint8Array = stream.contents
  for (const [index, filter] of filters.entries()) {
    if (filter.kind !== 'unpack') continue
    const pixels = picture !== undefined && pictureAt < 0 && index === last
    const cap = pixels ? picture.bytes : Math.max(budget.streamBytes, picture?.bytes ?? 0)
    const unpacked = await unpackOne(
      filter,
      data,
      Math.min(cap, spent.total - spent.bytes),
      // Kept for the next filter, for a picture's header, or to look for inline pictures in.
      index < last || pictureAt >= 0 || (!picture && !inline),
    )
    spent.bytes += unpacked.length
    if (unpacked.damaged) throw refuse('pdf_unreadable', 'one of its compressed streams is damaged')
    if (unpacked.length > cap) {
      throw refuse(
        'pdf_stream_too_big',
        pixels
          ? `a ${picture.width} × ${picture.height} picture unpacks to more than its pixels`
          : `one stream unpacks to over ${inMiB(cap)} MiB`,
      )
    }
    if (spent.bytes > spent.total) {
      throw refuse('pdf_stream_too_big', `its streams unpack to over ${inMiB(spent.total)} MiB in all`)
    }
    data = unpacked.bytes
  }
  const codec = pictureAt >= 0 ? filters[pictureAt]!.name : undefined
  if (codec === 'DCTDecode' || codec === 'DCT') await checkJpegHeader(data)
  if (codec === 'JPXDecode' || codec === 'JPX') checkJpxHeader(data)
  if (picture || inline) return
  for (const image of inlineImages(data, stream.dict.context, spent.inlineTries)) {
    await checkStream(image, budget, spent, true)
  }
}

interface Picture {
  width: number
  height: number
  /** Its pixels' bytes, with the byte a PNG predictor adds to each row. */
  bytes: number
}

const WIDTH = [PDFName.of('W'), PDFName.of('Width')]
const HEIGHT = [PDFName.of('H'), PDFName.of('Height')]
const SPACE = [PDFName.of('CS'), PDFName.of('ColorSpace')]
const BITS = [PDFName.of('BPC'), PDFName.of('BitsPerComponent')]
const MASK = [PDFName.of('IM'), PDFName.of('ImageMask')]

/**
 * A stream that declares a width and a height is a picture (an image XObject, a soft mask, a page's
 * thumbnail), refused over the pixel limit as any image is. Keys are read as pdf.js reads them.
 */
function pictureOf(dict: PDFDict): Picture | undefined {
  const width = numberOf(dict, WIDTH)
  const height = numberOf(dict, HEIGHT)
  if (!isDimension(width) || !isDimension(height)) return undefined
  if (width * height > MAX_INPUT_PIXELS) throw refuse('image_too_large', `${width} × ${height} pixels`)
  const mask = firstOf(dict, MASK) === PDFBool.True
  const bits = mask ? 1 : bitsOf(numberOf(dict, BITS))
  const colours = mask ? 1 : coloursOf(firstOf(dict, SPACE))
  return { width, height, bytes: height * (Math.ceil((width * colours * bits) / 8) + 1) }
}

function isDimension(value: number | undefined): value is number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1
}

// What pdf.js allows; anything else is counted at the most, 16 bits.
function bitsOf(value: number | undefined): number {
  return value !== undefined && [1, 2, 4, 8, 16].includes(value) ? value : 16
}

const coloursByName = new Map(
  Object.entries({
    DeviceGray: 1,
    G: 1,
    CalGray: 1,
    Indexed: 1,
    I: 1,
    Separation: 1,
    DeviceRGB: 3,
    RGB: 3,
    CalRGB: 3,
    Lab: 3,
    DeviceCMYK: 4,
    CMYK: 4,
  }),
)
// DeviceN's most: a colour space that says nothing clear is counted at that.
const MOST_COLOURS = 32

function coloursOf(space: PDFObject | undefined): number {
  const family = space instanceof PDFArray ? space.lookup(0) : space
  if (!(family instanceof PDFName)) return MOST_COLOURS
  const name = family.decodeText()
  const second = space instanceof PDFArray ? space.lookup(1) : undefined
  if (name === 'ICCBased' && second instanceof PDFStream) {
    const count = second.dict.lookup(PDFName.of('N'))
    return count instanceof PDFNumber ? Math.min(Math.max(count.asNumber(), 1), MOST_COLOURS) : MOST_COLOURS
  }
  if (name === 'DeviceN' && second instanceof PDFArray)
    return Math.min(Math.max(second.size(), 1), MOST_COLOURS)
  return coloursByName.get(name) ?? MOST_COLOURS
}

function numberOf(dict: PDFDict, keys: PDFName[]): number | undefined {
  const value = firstOf(dict, keys)
  return value instanceof PDFNumber ? value.asNumber() : undefined
}

/** pdf.js decodes a JPEG at the size in its own header, whatever the stream says. */
async function checkJpegHeader(data: Uint8Array): Promise<void> {
  try {
    await checkedHeader(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
  } catch (error) {
    // A header sharp cannot read: pdf.js draws what it can of damaged data, or nothing.
    if (isRefusal(error) && error.code === 'truncated') return
    throw error
  }
}

const JPX_START = Buffer.from([0xff, 0x4f, 0xff, 0x51])
const CODESTREAM_BOX = 0x6a703263 // 'jp2c'

/**
 * pdf.js decodes JPEG 2000 at the size in its codestream's SIZ segment, whatever the stream says.
 * The codestream is the data itself or, in a JP2 file, the first `jp2c` box among the top-level
 * boxes, found as OpenJPEG finds it; data with neither draws nothing.
 */
function checkJpxHeader(data: Uint8Array): void {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  let at = 0
  while (at + 8 <= bytes.length && bytes.compare(JPX_START, 0, 4, at, at + 4) !== 0) {
    const length = bytes.readUInt32BE(at)
    const wide = length === 1 && at + 16 <= bytes.length ? Number(bytes.readBigUInt64BE(at + 8)) : length
    if (bytes.readUInt32BE(at + 4) === CODESTREAM_BOX) at += length === 1 ? 16 : 8
    else if (wide >= 8) at += wide
    else return
  }
  if (at + 24 > bytes.length || bytes.compare(JPX_START, 0, 4, at, at + 4) !== 0) return
  const width = bytes.readUInt32BE(at + 8) - bytes.readUInt32BE(at + 16)
  const height = bytes.readUInt32BE(at + 12) - bytes.readUInt32BE(at + 20)
  if (width * height > MAX_INPUT_PIXELS) throw refuse('image_too_large', `${width} × ${height} pixels`)
  // OpenJPEG decodes every component (up to 16,384), 4 bytes a sample, before pdf.js keeps 1, 3 or 4:
  // no more samples than a colour picture with transparency at the pixel limit.
  const components = at + 42 <= bytes.length ? bytes.readUInt16BE(at + 40) : 1
  if (width * height * components > MAX_INPUT_PIXELS * 4) {
    throw refuse('image_too_large', `${width} × ${height} pixels of ${components} components`)
  }
}
