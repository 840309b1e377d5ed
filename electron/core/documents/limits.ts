const MiB = 1024 * 1024

/** What the backend takes (see the registration API: 413 over 10 MiB), checked after normalization. */
export const MAX_DOCUMENT_BYTES = 10 * MiB
/** Files above this are refused from their size alone, before a byte is read. */
export const MAX_READ_BYTES = 50 * MiB
export const MAX_PDF_PAGES = 10
/**
 * What a PDF's compressed object and cross-reference streams may unpack to while it is checked. Real
 * ones hold a few KiB to a few MiB of object text; a compression bomb holds gigabytes.
 */
export const MAX_PDF_INFLATED_STREAM_BYTES = 16 * MiB
export const MAX_PDF_INFLATED_BYTES = 48 * MiB
export const MAX_PDF_OBJECTS = 100_000
/**
 * What all of a PDF's streams may unpack to together (page contents, fonts, pictures: what pdf.js
 * would hold), per byte of the file, and at least the floor. A page's text inflates 3 to 10 times, a
 * lossless 300 dpi colour page (26 MB of pixels) 3 to 100 times, a bomb a thousand. The floor lets
 * four such pages through whatever their size; pdf.js draws one page at a time.
 */
export const MAX_PDF_UNPACKED_PER_FILE_BYTE = 32
export const MIN_PDF_UNPACKED_BYTES = 128 * MiB
/** Checked against the image header before decoding, so a decompression bomb never reaches memory. */
export const MAX_INPUT_PIXELS = 100_000_000
/** Images are shrunk to fit this square: 300 dpi on an A4 page, plenty for a passport's MRZ. */
export const MAX_IMAGE_EDGE = 3000
export const JPEG_QUALITY = 85

export function inMiB(bytes: number): string {
  return (bytes / MiB).toFixed(1)
}
