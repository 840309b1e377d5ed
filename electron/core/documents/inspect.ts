import { createHash } from 'node:crypto'
import { isRefusal, refuse, type RefusalCode } from './refusals'
import { detectKind } from './detect-type'
import { MAX_DOCUMENT_BYTES, inMiB } from './limits'
import { normalizeImage } from './normalize-image'
import type { PdfBudget } from './pdf-budget'
import { checkPdf } from './pdf-check'
import { nodeFs, readStable, type InspectFs } from './read-stable'

export type AcceptedMediaType = 'application/pdf' | 'image/jpeg' | 'image/png'

export interface AcceptedFile {
  file: string
  ok: true
  mediaType: AcceptedMediaType
  /** Bytes after normalization, which is what is stored and sent. */
  size: number
  pages?: number
  width?: number
  height?: number
  /** Hex SHA-256 of `bytes`: the document's identity in the registration API. */
  sha256: string
  /** The file's extension when it names another format than the content's (accepted all the same). */
  extensionMismatch?: string
  bytes: Buffer
}

export interface RefusedFile {
  file: string
  ok: false
  error: { code: RefusalCode; message: string }
}

export type InspectResult = AcceptedFile | RefusedFile

export interface InspectOptions {
  fs?: InspectFs
  /** What a PDF may unpack while checked; tests shrink it. */
  pdfBudget?: PdfBudget
}

/**
 * The one gate for every way a file comes in (dialog, drop, scanner folder, CLI): reads the file once,
 * judges it by its content, and either refuses it with a code and a message saying what to do, or
 * hands back the bytes to keep. PDFs are kept byte for byte; images are normalized. Failures a person
 * can act on come back as data; anything else is a bug and rejects.
 */
export async function inspectFile(file: string, options: InspectOptions = {}): Promise<InspectResult> {
  try {
    return { file, ok: true, ...(await accept(file, options)) }
  } catch (error) {
    if (!isRefusal(error)) throw error
    return { file, ok: false, error: { code: error.code, message: error.message } }
  }
}

async function accept(file: string, options: InspectOptions): Promise<Omit<AcceptedFile, 'file' | 'ok'>> {
  const original = await readStable(file, options.fs ?? nodeFs)
  const { kind, extensionMismatch } = await detectKind(file, original)
  const noted = extensionMismatch === undefined ? {} : { extensionMismatch }
  if (kind === 'pdf') {
    // Checked before parsing: a PDF is never rewritten, so its size now is its size for good.
    checkSize(original)
    const { pages } = await checkPdf(original, options.pdfBudget)
    return describe({ bytes: original, mediaType: 'application/pdf' as const, pages, ...noted })
  }
  const image = await normalizeImage(original, kind)
  checkSize(image.bytes)
  return describe({ ...image, ...noted })
}

/** What the backend takes; a PDF is never rewritten, so its own size counts. */
export function checkSize(bytes: Buffer): void {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse('too_large', `${inMiB(bytes.length)} MiB`)
}

function describe<T extends { bytes: Buffer }>(kept: T): T & { size: number; sha256: string } {
  return { ...kept, size: kept.bytes.length, sha256: createHash('sha256').update(kept.bytes).digest('hex') }
}
