import { api, unwrap } from '../../api'
import type { DocumentSummary } from '../../domain/queue/documents'

const THUMBNAIL_WIDTH = 240
const PREVIEW_WIDTH = 1100
const PREVIEW_PAGES = 10

/** Pictures of a PDF, from the bytes; pdf.js is fetched the first time a PDF is drawn. */
export async function pdfPictures(bytes: Uint8Array, width: number, pages: number): Promise<string[]> {
  const { renderPdfPages } = await import('./pdf-pages')
  return renderPdfPages(bytes, width, pages)
}

export const bytesOf = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

async function pictures(doc: DocumentSummary, width: number, pages: number): Promise<string[]> {
  const { mediaType, base64 } = await unwrap(api().readDocument({ id: doc.id }))
  if (mediaType !== 'application/pdf') return [`data:${mediaType};base64,${base64}`]
  return pdfPictures(bytesOf(base64), width, pages)
}

// A document's bytes never change under its id, so its thumbnail is made once per session.
const thumbnails = new Map<string, Promise<string>>()

/** The slot's small picture: the image itself, or the first page of a PDF. */
export function thumbnailOf(doc: DocumentSummary): Promise<string> {
  let made = thumbnails.get(doc.id)
  if (!made) {
    made = pictures(doc, THUMBNAIL_WIDTH, 1).then((urls) => urls[0] ?? '')
    made.catch(() => thumbnails.delete(doc.id))
    thumbnails.set(doc.id, made)
  }
  return made
}

/** The larger view on click: the image, or every page of a PDF (10 at most, as accepted). */
export const previewOf = (doc: DocumentSummary): Promise<string[]> =>
  pictures(doc, PREVIEW_WIDTH, PREVIEW_PAGES)
