import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib'
import { MAX_PDF_PAGES } from './limits'
import { defaultPdfBudget, loadWithinBudget, type PdfBudget } from './pdf-budget'
import { checkStreams } from './pdf-streams'
import { isRefusal, refuse } from './refusals'

const EOF_MARKER = Buffer.from('%%EOF')
// Readers look for the end-of-file marker in the last kilobyte; a file cut short has none there.
const EOF_WINDOW = 1024

// Entries that make a PDF run code, launch programs or carry other files. A passport or enrollment
// scan never needs them, and the PDF is shown to people and sent on, so such a file is refused.
const activeKeys = new Map<PDFObject, string>([
  [PDFName.of('JS'), 'JavaScript'],
  [PDFName.of('JavaScript'), 'JavaScript'],
  [PDFName.of('XFA'), 'an XFA form'],
  [PDFName.of('EmbeddedFiles'), 'attached files'],
  [PDFName.of('EF'), 'attached files'],
])
const activeActions = new Map<PDFObject, string>([
  [PDFName.of('JavaScript'), 'JavaScript'],
  [PDFName.of('Launch'), 'an action that launches a program'],
])
const ACTION_TYPE = PDFName.of('S')

/**
 * Checks a PDF that is kept byte for byte: complete, readable within a memory budget, not encrypted,
 * short, inert, and with no stream that unpacks beyond its budget when drawn. Answers the document as loaded, for a caller that reads further (the tray's thumbnail).
 */
export async function checkPdf(
  bytes: Uint8Array,
  budget = defaultPdfBudget,
): Promise<{ pages: number; document: PDFDocument }> {
  if (Buffer.from(bytes.subarray(-EOF_WINDOW)).indexOf(EOF_MARKER) < 0) {
    throw refuse('truncated', 'the PDF has no end-of-file marker')
  }
  const { document, streams } = await load(bytes, budget)
  const pages = countPages(document)
  if (pages === 0) throw refuse('pdf_unreadable', 'it has no pages')
  if (pages > MAX_PDF_PAGES) throw refuse('pdf_too_many_pages', `${pages} pages`)
  const active = findActiveContent(document)
  if (active) throw refuse('pdf_active_content', active)
  await checkStreams(streams, bytes.length, budget)
  return { pages, document }
}

// pdf-lib is compiled to ES5, where its EncryptedPDFError is not an instance of its own class, so the
// document is loaded regardless and its isEncrypted flag asked instead.
async function load(bytes: Uint8Array, budget: PdfBudget): ReturnType<typeof loadWithinBudget> {
  let loaded: Awaited<ReturnType<typeof loadWithinBudget>>
  try {
    loaded = await loadWithinBudget(bytes, budget)
  } catch (error) {
    if (isRefusal(error)) throw error
    throw refuse('pdf_unreadable', 'its structure is broken')
  }
  if (loaded.document.isEncrypted) throw refuse('pdf_encrypted')
  return loaded
}

function countPages(document: PDFDocument): number {
  try {
    return document.getPageCount()
  } catch {
    throw refuse('pdf_unreadable', 'its page tree is broken')
  }
}

/**
 * Looks through every object, including those packed in compressed object streams, which pdf-lib
 * unpacks on load; names are compared decoded, so `/J#53` is caught as `/JS`.
 */
function findActiveContent(document: PDFDocument): string | undefined {
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const found = activeIn(object)
    if (found) return found
  }
  return undefined
}

// Only direct children are walked: anything referenced is an indirect object visited on its own.
function activeIn(object: PDFObject): string | undefined {
  if (object instanceof PDFStream) return activeIn(object.dict)
  if (object instanceof PDFArray) return firstOf(object.asArray())
  if (!(object instanceof PDFDict)) return undefined
  for (const [key, value] of object.entries()) {
    const found = activeKeys.get(key) ?? (key === ACTION_TYPE ? activeActions.get(value) : undefined)
    if (found) return found
  }
  return firstOf(object.values())
}

function firstOf(objects: PDFObject[]): string | undefined {
  for (const object of objects) {
    const found = activeIn(object)
    if (found) return found
  }
  return undefined
}
