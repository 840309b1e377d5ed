import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  A4_300_DPI,
  blackAndWhite,
  jbig2Stream,
  jpxCodestream,
  pdfWithPicture,
  scannedSheet,
} from '../fixtures/documents/scanner-codecs'
import { openDesk, type Desk } from './desk'

let desk: Desk
let files: string
beforeEach(async () => {
  files = mkdtempSync(join(tmpdir(), 'guichet-e2e-codecs-'))
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
  rmSync(files, { recursive: true, force: true })
})

/** Mean grey of each cell of a `cells` × `cells` grid over a grey picture, first brought to `size`. */
async function cellMeans(
  picture: sharp.Sharp,
  size: { width: number; height: number },
  cells: number,
): Promise<number[]> {
  const resized = await picture.greyscale().resize(size.width, size.height, { fit: 'fill' }).raw().toBuffer()
  const { data } = await sharp(resized, { raw: { ...size, channels: 1 } })
    .resize(cells, cells, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  return Array.from(data)
}

const JPX_WAIT_MS = 150_000

/** Attaches `pdf` to the enrollment slot through the dialog and answers its preview, a PNG. */
async function preview(name: string, pdf: Buffer): Promise<Buffer> {
  writeFileSync(join(files, name), pdf)
  const slot = desk.page.getByRole('group', { name: 'Pièce justificative étudiante' })
  const chooser = desk.page.waitForEvent('filechooser')
  await slot.getByRole('button', { name: 'Choisir un fichier…' }).click()
  await (await chooser).setFiles(join(files, name))
  await slot.getByRole('button', { name: `Agrandir ${name}` }).click()
  const picture = desk.page.getByRole('dialog', { name }).getByRole('img').first()
  // pdf.js's plain-JavaScript OpenJPEG takes seconds for a 300 dpi page, on a loaded machine tens of
  // seconds (twice: the slot's picture, then this one). A hang detector, not a speed limit.
  await picture.waitFor({ timeout: JPX_WAIT_MS })
  const src = (await picture.getAttribute('src')) ?? ''
  return Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')
}

/**
 * The grey difference, cell by cell of a 24 × 24 grid, between the sheet the scanner saw and the
 * preview: a page drawn blank (every cell white) differs by over 150 grey levels under the stamp.
 */
async function differences(
  sheet: Buffer,
  shown: Buffer,
): Promise<{ worst: number; mean: number; said: string }> {
  const cells = 24
  const { width = 0, height = 0 } = await sharp(shown).metadata()
  const size = { width, height }
  const source = await cellMeans(sharp(sheet, { raw: { ...A4_300_DPI, channels: 1 } }), size, cells)
  const drawn = await cellMeans(sharp(shown).flatten({ background: '#fff' }), size, cells)
  const each = source.map((grey, i) => Math.abs(grey - (drawn[i] ?? 255)))
  return {
    worst: Math.max(...each),
    mean: each.reduce((sum, d) => sum + d, 0) / each.length,
    said: `grey differences by cell:\n${each.join(',')}`,
  }
}

describe('scanner PDFs whose page is a JPEG 2000 or JBIG2 picture, in the preview', () => {
  it(
    'takes in and draws a JPEG 2000 page: the preview shows the scanned sheet, cell by cell',
    { timeout: JPX_WAIT_MS + 30_000 },
    async () => {
      const sheet = scannedSheet()
      const shown = await preview('SCAN0051.PDF', await pdfWithPicture(jpxCodestream(sheet), 'JPXDecode'))
      const { worst, mean, said } = await differences(sheet, shown)
      // Lossy at 1:40, and lines of text falling across cells a little differently at the preview's size.
      expect(worst, said).toBeLessThan(40)
      expect(mean, said).toBeLessThan(6)
      expect(desk.problems).toEqual([])
    },
  )

  it('takes in and draws a black and white JBIG2 page: the preview shows the sheet, cell by cell', async () => {
    const sheet = blackAndWhite(scannedSheet())
    const shown = await preview('SCAN0052.PDF', await pdfWithPicture(await jbig2Stream(sheet), 'JBIG2Decode'))
    const { worst, mean, said } = await differences(sheet, shown)
    expect(worst, said).toBeLessThan(40)
    expect(mean, said).toBeLessThan(6)
    expect(desk.problems).toEqual([])
  })
})
