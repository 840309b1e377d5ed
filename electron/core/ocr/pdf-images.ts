import { inflateSync } from 'node:zlib'
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib'
import sharp from 'sharp'

/**
 * The largest image on each page of a scanned PDF, as an encoded image sharp can read. A scanner's PDF
 * carries one JPEG per page (DCTDecode, taken as is); a Flate-compressed greyscale or RGB image is
 * inflated and wrapped. A page drawn as text or vectors has no image: nothing to read an MRZ from.
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
  const pixels = inflateSync(raw)
  const channels = pixels.length / (width * height)
  if (channels !== 1 && channels !== 3) return null
  return sharp(pixels, { raw: { width, height, channels } }).png().toBuffer()
}
