import { PDFName, PDFObjectParser, PDFRawStream, type PDFContext, type PDFDict } from 'pdf-lib'
import { refuse } from './refusals'

const B = 0x42
const I = 0x49
const D = 0x44
/**
 * An inline picture's dictionary is a few dozen bytes; each `BI` is read no further than this, so
 * text full of `BI [BI [BI [` costs this much per `BI`, not the rest of the contents each time.
 */
const DICTIONARY_BYTES = 4096

/**
 * The pictures drawn inline in page contents (`BI <dict> ID <data> EI`), each as a stream whose data
 * runs from where pdf.js starts reading it to the end of the contents: an unpacking filter stops at
 * its own end, so this holds at least what pdf.js would unpack. pdf.js splits `QBI` into `Q` and
 * `BI`, so every `BI` is tried, even inside text; one that is not followed by a dictionary and `ID` is
 * no picture. Any stream may be drawn as contents, so any stream that is not a picture is looked in.
 * `tries` counts every `BI` met across the file, which is refused past `maxTries`.
 */
export function* inlineImages(
  contents: Uint8Array,
  context: PDFContext,
  tries: { count: number; max: number },
): Generator<PDFRawStream> {
  for (let at = contents.indexOf(B); at >= 0 && at + 1 < contents.length; at = contents.indexOf(B, at + 1)) {
    if (contents[at + 1] !== I) continue
    if (++tries.count > tries.max) {
      throw refuse('pdf_stream_too_big', `over ${tries.max} inline pictures to measure`)
    }
    const found = dictionaryAfter(contents, at + 2, context)
    if (found) yield PDFRawStream.of(found.dict, contents.subarray(found.dataStart))
  }
}

/**
 * The `key value` pairs up to the `ID` operator, parsed as pdf-lib parses any dictionary. A dictionary
 * still going at `DICTIONARY_BYTES` cannot be measured, so the file is refused rather than let through.
 */
function dictionaryAfter(
  contents: Uint8Array,
  start: number,
  context: PDFContext,
): { dict: PDFDict; dataStart: number } | undefined {
  const parser = PDFObjectParser.forBytes(contents.subarray(start, start + DICTIONARY_BYTES), context)
  // Its position and whitespace skipping are protected; they are what this reading needs.
  const open = parser as unknown as { bytes: { offset(): number }; skipWhitespaceAndComments(): void }
  const dict = context.obj({})
  try {
    for (;;) {
      open.skipWhitespaceAndComments()
      const at = start + open.bytes.offset()
      // pdf.js ends the `ID` token on the next byte whatever it is, and reads the data after it.
      if (contents[at] === I && contents[at + 1] === D) return { dict, dataStart: at + 3 }
      const key = parser.parseObject()
      if (!(key instanceof PDFName)) return undefined
      dict.set(key, parser.parseObject())
    }
  } catch {
    // Not a picture's dictionary: binary data (a font, a /PieceInfo blob, random bytes) holds a stray
    // `BI` now and then, and refusing those refused real files at random. A real dictionary this long
    // is left unmeasured (SECURITY.md: what is not protected).
    return undefined
  }
}
