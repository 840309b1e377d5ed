import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { GuichetFailure } from '../../../src/domain/result'
import type { AttestationText } from './content'

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = 64
const BODY_SIZE = 11.5
const LEADING = 1.45
const TEXT_WIDTH = A4.width - 2 * MARGIN
const SIGNATURE_BOX = { width: 230, height: 95 }

/**
 * Lays the statement out on one A4 page. It uses the PDF standard fonts (no font file to ship), which
 * print Western European text only: accents that have no glyph are dropped (the passport's
 * machine-readable lines spell names that way too), and text in another script is refused with a
 * message, rather than printed as empty boxes on a legal statement.
 */
export async function attestationPdf(text: AttestationText, now: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setTitle('Attestation sur l’honneur')
  pdf.setLanguage('fr-FR')
  pdf.setCreator('Guichet')
  pdf.setProducer('Guichet')
  pdf.setCreationDate(now)
  pdf.setModificationDate(now)
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const printable = printableWith(regular)
  const page = pdf.addPage([A4.width, A4.height])
  let y = A4.height - MARGIN - 20

  const title = printable(text.title)
  const titleSize = 18
  const titleWidth = bold.widthOfTextAtSize(title, titleSize)
  page.drawText(title, { x: (A4.width - titleWidth) / 2, y, size: titleSize, font: bold })
  y -= 48
  y = paragraph(page, printable(text.subject), y, bold)
  y = paragraph(page, printable(text.addressee), y, regular) - BODY_SIZE
  for (const body of text.body) y = paragraph(page, printable(body), y, regular) - BODY_SIZE * 0.6
  y = paragraph(page, printable(text.signedAt), y - BODY_SIZE, regular) - 6

  const box = { x: A4.width - MARGIN - SIGNATURE_BOX.width, y: y - SIGNATURE_BOX.height, ...SIGNATURE_BOX }
  page.drawRectangle({ ...box, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.8 })
  page.drawText(printable(text.signatureLabel), {
    x: box.x + 8,
    y: box.y + box.height - 16,
    size: 9,
    font: regular,
    color: rgb(0.35, 0.35, 0.35),
  })
  return pdf.save()
}

/** Draws wrapped text from `y` down; returns the baseline below the last line. */
function paragraph(page: PDFPage, text: string, y: number, font: PDFFont): number {
  const lineHeight = BODY_SIZE * LEADING
  for (const line of wrap(text, font)) {
    page.drawText(line, { x: MARGIN, y, size: BODY_SIZE, font })
    y -= lineHeight
  }
  return y
}

function wrap(text: string, font: PDFFont): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word
    if (line && font.widthOfTextAtSize(candidate, BODY_SIZE) > TEXT_WIDTH) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  return line ? [...lines, line] : lines
}

/**
 * A function that returns text the font can print: characters it lacks lose their accents, and text
 * still unprintable (another script) is refused.
 */
function printableWith(font: PDFFont): (text: string) => string {
  const glyphs = new Set(font.getCharacterSet())
  const has = (char: string) => glyphs.has(char.codePointAt(0) ?? 0)
  const simplify = (char: string) =>
    has(char) ? char : char.normalize('NFD').replace(/[\p{M}\u200C\u200D]/gu, '')
  return (text) => {
    const printed = [...text.normalize('NFC')].map(simplify).join('')
    if ([...printed].every(has)) return printed
    throw new GuichetFailure(
      'attestation_unprintable',
      "The statement prints Latin letters only, and the student's name or address is written in another script. Type it as on the passport's machine-readable lines, or let the student write the statement by hand.",
    )
  }
}
