import type { ScanThumbnail } from '../../../src/domain/ipc/events'
import { detectKind } from './detect-type'
import { checkSize } from './inspect'
import { checkedHeader, renderImage } from './normalize-image'
import { cutFirstPage } from './pdf-page-cut'
import { checkPdf } from './pdf-check'
import { readStable, scannerFs, type InspectFs } from './read-stable'
import { isRefusal } from './refusals'

/** The tray shows it at 80 px: 160 stays sharp on a high-density screen. */
export const THUMBNAIL_EDGE = 160
const THUMBNAIL_QUALITY = 70

/**
 * The scanner tray's picture of a file, judged by the same steps as the inspection that would take
 * it in (read while it holds still and without following links, kind from the content, pixel limit
 * before decoding, PDF checked within its memory budget), so a file Guichet would refuse gets no
 * picture but the refusal's code.
 *
 * An image is shrunk here, upright, as WebP with no metadata and sRGB pixels (the camera's colour
 * profile applied, then dropped). A PDF's first page is cut into a one-page PDF for the page to draw
 * with pdf.js, as stored documents are: Node has no PDF renderer, and the cut carries one page's
 * objects only, its scanned pictures shrunk (a few KiB, not the whole file), without the document's
 * catalog (actions, forms, outlines), for a file not yet taken in and already checked inert.
 */
export async function scanThumbnail(path: string, fs: InspectFs = scannerFs): Promise<ScanThumbnail> {
  try {
    const bytes = await readStable(path, fs)
    const { kind } = await detectKind(path, bytes)
    if (kind === 'pdf') return await firstPage(bytes)
    await checkedHeader(bytes)
    const image = await renderImage(bytes, { keepProfile: false, edge: THUMBNAIL_EDGE }, (picture) =>
      picture.flatten({ background: '#ffffff' }).webp({ quality: THUMBNAIL_QUALITY }),
    )
    return { kind: 'image', mediaType: 'image/webp', base64: image.bytes.toString('base64') }
  } catch (error) {
    if (!isRefusal(error)) throw error
    return { kind: 'none', code: error.code }
  }
}

async function firstPage(bytes: Buffer): Promise<ScanThumbnail> {
  checkSize(bytes)
  const { pages, document } = await checkPdf(bytes)
  const one = await cutFirstPage(document)
  return { kind: 'pdf', pages, base64: Buffer.from(one).toString('base64') }
}
