import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib'
import sharp from 'sharp'
import { checkedHeader, renderImage } from './normalize-image'
import { isRefusal } from './refusals'

/** Pictures on the cut page are kept this large at most: twice the tray's 160 px. */
const PICTURE_EDGE = 320
const PICTURE_QUALITY = 75

const DCT = PDFName.of('DCTDecode')
const colourSpaces = new Map([
  [1, PDFName.of('DeviceGray')],
  [3, PDFName.of('DeviceRGB')],
])

/**
 * A PDF's first page alone, as a one-page PDF, for the tray's picture. A scanner's page is one 300 dpi
 * JPEG that pdf.js would decode whole (seconds, and tens of MB of pixels, for a 160 px picture), so
 * each plain JPEG drawn on the page is shrunk to 320 px first, through the same pixel limit as any
 * image; the page's text and drawings are kept as they are.
 */
export async function cutFirstPage(document: PDFDocument): Promise<Uint8Array> {
  const cut = await PDFDocument.create({ updateMetadata: false })
  const [page] = await cut.copyPages(document, [0])
  if (!page) throw new Error('a checked PDF has a first page')
  cut.addPage(page)
  const pictures = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)
  for (const [, ref] of pictures?.entries() ?? []) {
    if (ref instanceof PDFRef) await shrink(cut, ref)
  }
  return cut.save({ useObjectStreams: false })
}

async function shrink(cut: PDFDocument, ref: PDFRef): Promise<void> {
  const stream = cut.context.lookup(ref)
  if (!(stream instanceof PDFRawStream) || !isPlainJpeg(stream.dict)) return
  const width = stream.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0
  const height = stream.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0
  if (Math.max(width, height) <= PICTURE_EDGE) return
  const bytes = Buffer.from(stream.contents)
  let smaller: { bytes: Buffer; width: number; height: number }
  try {
    // A picture over the pixel limit refuses the whole picture (pdf.js would decode it in the page).
    await checkedHeader(bytes)
    smaller = await renderImage(bytes, { keepProfile: false, edge: PICTURE_EDGE, orient: false }, (image) =>
      image.jpeg({ quality: PICTURE_QUALITY }),
    )
  } catch (error) {
    // pdf.js draws what it can of damaged JPEG data: the picture stays as the scanner wrote it.
    if (isRefusal(error) && error.code === 'truncated') return
    throw error
  }
  const space = colourSpaces.get((await sharp(smaller.bytes).metadata()).channels ?? 0)
  if (!space) return
  const dict = stream.dict.clone(cut.context)
  dict.set(PDFName.of('Width'), PDFNumber.of(smaller.width))
  dict.set(PDFName.of('Height'), PDFNumber.of(smaller.height))
  dict.set(PDFName.of('ColorSpace'), space)
  dict.set(PDFName.of('Length'), PDFNumber.of(smaller.bytes.length))
  cut.context.assign(ref, PDFRawStream.of(dict, smaller.bytes))
}

/** An 8-bit grey or RGB JPEG with no mask, decode array or profile: what sharp can stand in for. */
function isPlainJpeg(dict: PDFDict): boolean {
  const filter = dict.get(PDFName.of('Filter'))
  const onlyDct =
    filter === DCT || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === DCT)
  const space = dict.get(PDFName.of('ColorSpace'))
  const bits = dict.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber() ?? 8
  return (
    dict.get(PDFName.of('Subtype')) === PDFName.of('Image') &&
    onlyDct &&
    (space === PDFName.of('DeviceGray') || space === PDFName.of('DeviceRGB')) &&
    bits === 8 &&
    ['SMask', 'Mask', 'Decode', 'ImageMask', 'DecodeParms'].every((key) => !dict.has(PDFName.of(key)))
  )
}
