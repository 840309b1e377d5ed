import { constants, inflateRawSync } from 'node:zlib'
import {
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFParser,
  PDFRawStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib'
import {
  MAX_PDF_INFLATED_BYTES,
  MAX_PDF_INFLATED_STREAM_BYTES,
  MAX_PDF_OBJECTS,
  MAX_PDF_UNPACKED_PER_FILE_BYTE,
  MIN_PDF_UNPACKED_BYTES,
  inMiB,
} from './limits'
import type { GuichetFailure } from '../../../src/domain/result'
import { isPdfJsZlibHeader } from './pdf-filters'
import { isRefusal, refuse } from './refusals'

/** How much a PDF may unpack while it is read; tests shrink it to see it act on ordinary files. */
export interface PdfBudget {
  /** Bytes one stream may inflate to: an object or cross-reference stream, a page's contents, a font. */
  streamBytes: number
  /** Bytes all compressed object and cross-reference streams together may inflate to. */
  totalBytes: number
  /** Objects the object streams may declare, all together. */
  objects: number
  /** Bytes all of the file's other streams together may unpack to, per byte of the file (pdf-streams.ts)... */
  unpackedPerFileByte: number
  /** ...and at least. */
  unpackedBytes: number
}

export const defaultPdfBudget: PdfBudget = {
  streamBytes: MAX_PDF_INFLATED_STREAM_BYTES,
  totalBytes: MAX_PDF_INFLATED_BYTES,
  objects: MAX_PDF_OBJECTS,
  unpackedPerFileByte: MAX_PDF_UNPACKED_PER_FILE_BYTE,
  unpackedBytes: MIN_PDF_UNPACKED_BYTES,
}

const TYPE = PDFName.of('Type')
const FILTER = PDFName.of('Filter')
const FLATE = PDFName.of('FlateDecode')
const COUNT = PDFName.of('N')
const OBJECT_STREAM = PDFName.of('ObjStm')
const XREF_STREAM = PDFName.of('XRef')
// Small reads keep the overshoot past the budget to one deflate block.
const CHUNK = 64 * 1024

type DocumentConstructor = new (
  context: PDFContext,
  ignoreEncryption: boolean,
  updateMetadata: boolean,
) => PDFDocument

/**
 * Loads a PDF as `PDFDocument.load` does, except that the only streams pdf-lib unpacks while loading
 * (compressed object streams and cross-reference streams) are unpacked here first, counted, and the
 * file refused with `pdf_too_complex` once they pass the budget: a 1 MB file whose object stream
 * inflates to 1 GiB stops after the first few MiB instead of filling the memory. pdf-lib unpacks
 * nothing else on load (page contents and images stay compressed): those are judged afterwards by
 * pdf-streams.ts, from every stream met here, including one a later object of the same number
 * replaces (pdf-lib keeps the last, but a reader following the cross-reference table may take either).
 */
export async function loadWithinBudget(
  bytes: Uint8Array,
  budget: PdfBudget,
): Promise<{ document: PDFDocument; streams: PDFRawStream[] }> {
  const spent: Spent = { bytes: 0, objects: 0 }
  const streams: PDFRawStream[] = []
  const parser = PDFParser.forBytesWithOptions(bytes)
  const parseObject = parser.parseObject.bind(parser)
  parser.parseObject = () => {
    const object = unpacked(parseObject(), budget, spent)
    if (object instanceof PDFRawStream) streams.push(object)
    return object
  }
  let context: PDFContext
  try {
    context = await parser.parseDocument()
  } finally {
    // pdf-lib catches what an object's parsing throws and skips the object as invalid, so the
    // refusal is kept aside and given precedence over whatever the parse did after it.
    if (spent.over) throw spent.over
  }
  // pdf-lib 1.17 (no longer developed) has no public way to build a document from a parsed context;
  // this is the construction PDFDocument.load itself does after parsing.
  // A stream pdf-lib found inside an object stream is judged too, though pdf.js would not draw it.
  const met = new Set(streams)
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && !met.has(object)) streams.push(object)
  }
  return { document: new (PDFDocument as unknown as DocumentConstructor)(context, true, false), streams }
}

interface Spent {
  bytes: number
  objects: number
  /** The refusal, once the budget is spent: every later stream is refused without unpacking it. */
  over?: GuichetFailure
}

/** A stream pdf-lib would unpack, handed back already unpacked within the budget; anything else as is. */
function unpacked(object: PDFObject, budget: PdfBudget, spent: Spent): PDFObject {
  if (!(object instanceof PDFRawStream)) return object
  const type = object.dict.lookup(TYPE)
  if (type !== OBJECT_STREAM && type !== XREF_STREAM) return object
  if (spent.over) throw spent.over
  try {
    return unpackWithin(object, type === OBJECT_STREAM, budget, spent)
  } catch (error) {
    if (isRefusal(error)) spent.over = error
    throw error
  }
}

function unpackWithin(
  object: PDFRawStream,
  isObjectStream: boolean,
  budget: PdfBudget,
  spent: Spent,
): PDFRawStream {
  if (isObjectStream) {
    const count = object.dict.lookup(COUNT)
    // A negative count unpacks nothing; counted as such it would let another stream declare more.
    spent.objects += count instanceof PDFNumber ? Math.max(0, count.asNumber()) : 0
    if (spent.objects > budget.objects) {
      throw refuse('pdf_too_complex', `its compressed object streams declare over ${budget.objects} objects`)
    }
  }
  const chunks: Uint8Array[] = []
  let length = 0
  for (const chunk of piecesOf(object, budget.streamBytes)) {
    length += chunk.length
    spent.bytes += chunk.length
    if (length > budget.streamBytes) {
      throw refuse(
        'pdf_too_complex',
        `one compressed stream unpacks to over ${inMiB(budget.streamBytes)} MiB`,
      )
    }
    if (spent.bytes > budget.totalBytes) {
      throw refuse('pdf_too_complex', `its compressed streams unpack to over ${inMiB(budget.totalBytes)} MiB`)
    }
    chunks.push(chunk)
  }
  object.dict.delete(FILTER)
  return PDFRawStream.of(object.dict, Buffer.concat(chunks))
}

/** A stream's unpacked bytes, in pieces that pass `limit` by no more than one read. */
function* piecesOf(object: PDFRawStream, limit: number): Generator<Uint8Array> {
  const inflated = object.dict.get(FILTER) === FLATE ? inflateWithin(object.contents, limit) : undefined
  if (inflated) {
    yield inflated
    return
  }
  const stream = decodePDFRawStream(object)
  // Clamped only when asked for: plain bytes here.
  const read = () => stream.getBytes(CHUNK) as Uint8Array
  for (let chunk = read(); chunk.length > 0; chunk = read()) yield chunk
}

/**
 * zlib data inflated by node:zlib, which stops past `limit` whatever the size of the deflate blocks:
 * pdf-lib undoes a whole block at once, and one block of a 10 MiB file can hold gigabytes. Read past
 * its header as pdf-lib and pdf.js read it (a header they refuse answers undefined, for pdf-lib to
 * refuse it as before); deflate data zlib calls damaged, which they read on through, is refused.
 */
function inflateWithin(contents: Uint8Array, limit: number): Buffer | undefined {
  if (!isPdfJsZlibHeader(contents)) return undefined
  try {
    return inflateRawSync(contents.subarray(2), {
      maxOutputLength: limit + 1,
      finishFlush: constants.Z_SYNC_FLUSH,
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw refuse('pdf_too_complex', `one compressed stream unpacks to over ${inMiB(limit)} MiB`)
    }
    if (code === 'Z_DATA_ERROR') throw refuse('pdf_unreadable', 'one of its compressed streams is damaged')
    throw error
  }
}
