import { describe, expect, it } from 'vitest'
import { pdfToDraw } from '../../../electron/core/documents/pdf-to-draw'
import * as bombs from '../../fixtures/documents/pdf-bombs'
import * as realistic from '../../fixtures/documents/realistic'

/** Object `number`'s first bytes, found as pdf.js finds it: through the last cross-reference table. */
function objectAt(file: Buffer, number: number): string {
  const text = file.toString('latin1')
  // Not the `xref` of `startxref`.
  const table = text.slice(text.lastIndexOf('\nxref') + 1).split(/\r?\n/)
  const [first, count] = (table[1] ?? '').split(' ').map(Number)
  expect(number - first!).toBeLessThan(count!)
  const offset = Number(table[2 + number - first!]?.slice(0, 10))
  return text.slice(offset, offset + 200)
}

describe('a stored PDF handed to the page to draw', () => {
  it('holds only the objects the check measured, even where the cross-reference table points elsewhere', async () => {
    const disguised = bombs.hiddenPictureBomb()
    // As stored, the table sends a reader to the bomb hidden in stream 6's data...
    expect(objectAt(disguised, 5)).toMatch(/^5 0 obj\s*<<[^>]*\/FlateDecode/)
    const drawn = await pdfToDraw(disguised)
    // ...handed to pdf.js, object 5 is the picture pdf-lib read and the check measured.
    expect(objectAt(drawn, 5)).toMatch(/^5 0 obj\s*<<[^>]*\/Width 100/)
    expect(objectAt(drawn, 5)).not.toMatch(/Filter/)
  })

  it('refuses a PDF stored before streams were measured, rather than drawing it', async () => {
    await expect(pdfToDraw(bombs.pictureBomb())).rejects.toMatchObject({ code: 'pdf_stream_too_big' })
  })

  it('draws a scanner PDF with every page', async () => {
    const { bytes } = await realistic.scannerPdf(2)
    const drawn = await pdfToDraw(bytes)
    expect(drawn.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2)
  }, 30_000)
})
