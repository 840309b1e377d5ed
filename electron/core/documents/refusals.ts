import { GuichetFailure } from '../../../src/domain/result'
import { MAX_DOCUMENT_BYTES, MAX_INPUT_PIXELS, MAX_PDF_PAGES, inMiB } from './limits'

const maxMiB = inMiB(MAX_DOCUMENT_BYTES).replace(/\.0$/, '')
const maxMegapixels = MAX_INPUT_PIXELS / 1_000_000

/**
 * Why a file was refused, and what the agent at the desk should do about it. `detail` says what was
 * found (a size, a type, a page count), never a file name, because messages end up in logs.
 * README.md ("Documents: refusal codes") documents the same table for people.
 */
const messages = {
  file_missing: () =>
    'The file is no longer there: it was moved, renamed or deleted, or its drive was removed. Find it again and add it.',
  not_a_file: () => 'This is a folder, not a file. Open the folder and choose the scan itself.',
  file_unreadable: () =>
    'Guichet may not read this file, or another program holds it. Close the scanner or viewer program, or copy the file to the desktop, and add it again.',
  file_changed: () =>
    'The file changed while Guichet was reading it; the scanner may still be writing it. Wait until the scan is finished and add it again.',
  empty: () => 'The file is empty (0 bytes). Scan the document again.',
  too_large: (detail: string) =>
    `The file is too large (${detail}); the limit is ${maxMiB} MiB. Scan again at 300 dpi or less, or as a grayscale PDF.`,
  type_mismatch: (detail: string) =>
    `The file's name and its content disagree (${detail}). Check that it is the right file, then scan it again as PDF or JPEG.`,
  unsupported_type: (detail: string) =>
    `Guichet accepts PDF, JPEG and PNG (TIFF is converted), and this file is ${detail}. Scan it again as PDF or JPEG; on an iPhone, set Camera > Formats to Most Compatible.`,
  truncated: (detail: string) =>
    `The file is incomplete or damaged (${detail}); it was probably not fully copied or saved. Copy it again from where it came from, or scan again.`,
  image_too_large: (detail: string) =>
    `The image is ${detail}, more than ${maxMegapixels} megapixels; a real scan is far smaller, so the file may be damaged. Scan again at 300 dpi or less.`,
  pdf_unreadable: (detail: string) =>
    `The PDF cannot be read (${detail}). Open it in a PDF viewer to check it, then print it to a new PDF or scan the paper again.`,
  pdf_encrypted: () =>
    'The PDF is protected by a password or encrypted. Ask for an unprotected copy, print it to a new PDF, or scan the paper document.',
  pdf_too_many_pages: (detail: string) =>
    `The PDF has ${detail}; at most ${MAX_PDF_PAGES} are accepted. Keep only the pages needed and save it again, or scan just those pages.`,
  pdf_too_complex: (detail: string) =>
    `The PDF is built so that checking it would take too much memory (${detail}); a scan never is. Print it to a new PDF or scan the paper document.`,
  pdf_stream_too_big: (detail: string) =>
    `The PDF holds compressed content that would unpack to far more than its size (${detail}) and could freeze the desk when shown; a scan never does. Print it to a new PDF, or scan the paper document as an image.`,
  pdf_active_content: (detail: string) =>
    `The PDF contains ${detail}, which Guichet refuses for safety. Print it to a new PDF (which drops them) or scan the paper document.`,
} satisfies Record<string, (detail: string) => string>

export type RefusalCode = keyof typeof messages
export const REFUSAL_CODES = Object.keys(messages) as RefusalCode[]

/** A refusal travels as a `GuichetFailure` inside the inspection and comes out as data. */
export function refuse(code: RefusalCode, detail = ''): GuichetFailure {
  return new GuichetFailure(code, messages[code](detail))
}

export function isRefusal(error: unknown): error is GuichetFailure & { code: RefusalCode } {
  return error instanceof GuichetFailure && Object.hasOwn(messages, error.code)
}
