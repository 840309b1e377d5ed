import { inflateSync } from 'node:zlib'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib'
import sharp from 'sharp'
import { MAX_INPUT_PIXELS } from '../documents/limits'

/**
 * The largest image on each page of a scanned PDF, as an encoded image sharp can read. A scanner's PDF
 * carries one JPEG per page (DCTDecode, taken as is); a Flate-compressed greyscale or RGB image is
 * inflated and wrapped. A page drawn as text or vectors has no image: nothing to read an MRZ from.
 *
 * The take-in check refuses a picture that unpacks past its declared pixels (pdf-streams.ts), but a
 * PDF stored before that check was not measured, so a Flate image is still judged here: within the
 * pixel limit, and inflated no further than the pixels it declares. A 500 KB stream that unpacks to
 * gigabytes is no image (the OCR finds nothing; the scan itself stays as it was taken in).
 */
export async function pdfPageImages(bytes: Uint8Array): Promise<Buffer[]> {
  const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })
  const images: Buffer[] = []
  for (const page of document.getPages()) {
    const resources = page.node.Resources()
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)
    let best: { area: number; image: Promise<Buffer | null> } | undefined
    for (const [, ref] of xobjects?.entries() ?? []) {
      const stream = ref instanceof PDFRef ? document.context.lookup(ref) : ref
      if (!(stream instanceof PDFRawStream)) continue
      const dict = stream.dict
      if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
      const width = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0
      const height = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0
      if (!best || width * height > best.area)
        best = { area: width * height, image: decode(stream, width, height) }
    }
    const image = await best?.image
    if (image) images.push(image)
  }
  return images
}

async function decode(stream: PDFRawStream, width: number, height: number): Promise<Buffer | null> {
  const filter = stream.dict.get(PDFName.of('Filter'))
  const raw = Buffer.from(stream.contents)
  if (filter === PDFName.of('DCTDecode')) return raw
  if (filter !== PDFName.of('FlateDecode')) return null
  const bits = stream.dict.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber()
  if (bits !== 8) return null
  const pixels = inflated(raw, width, height)
  if (!pixels) return null
  const channels = pixels.length / (width * height)
  if (channels !== 1 && channels !== 3) return null
  return sharp(pixels, { raw: { width, height, channels } }).png().toBuffer()
}

/** Grey or RGB pixels, one byte each: anything longer is not an image this reads, so it stops there. */
function inflated(raw: Buffer, width: number, height: number): Buffer | null {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) return null
  if (width * height > MAX_INPUT_PIXELS) return null
  try {
    return inflateSync(raw, { maxOutputLength: width * height * 3 })
  } catch (error) {
    // Past the bound (ERR_BUFFER_TOO_LARGE) or damaged (Z_DATA_ERROR, Z_BUF_ERROR): no picture to read.
    if (isZlibRefusal(error)) return null
    throw error
  }
}

function isZlibRefusal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ERR_BUFFER_TOO_LARGE' || code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
}
