import { checkPdf } from './pdf-check'

/**
 * A stored PDF as the page's pdf.js is handed it to draw: checked again, then written anew by pdf-lib
 * from the objects the check judged. pdf.js finds objects through the cross-reference table and
 * pdf-lib by reading the file through, so an object the table points to inside another's stream data
 * would reach pdf.js unmeasured; written anew, the file holds only what was measured. The stored bytes
 * (what is sent) stay as they were. A PDF stored by an earlier Guichet, which did not measure its
 * streams, is refused here rather than drawn.
 */
export async function pdfToDraw(bytes: Uint8Array): Promise<Buffer> {
  const { document } = await checkPdf(bytes)
  return Buffer.from(await document.save({ useObjectStreams: false }))
}
