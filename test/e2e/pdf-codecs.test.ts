import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { A4_300_DPI, jpxCodestream, pdfWithPicture, scannedSheet } from '../fixtures/documents/scanner-codecs'
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

describe('a scanner PDF whose page is a JPEG 2000 picture, in the preview', () => {
  it('is taken in and drawn: the preview shows the scanned sheet, cell by cell', async () => {
    const sheet = scannedSheet()
    writeFileSync(join(files, 'SCAN0051.PDF'), await pdfWithPicture(jpxCodestream(sheet), 'JPXDecode'))
    const slot = desk.page.getByRole('group', { name: 'Pièce justificative étudiante' })
    const chooser = desk.page.waitForEvent('filechooser')
    await slot.getByRole('button', { name: 'Choisir un fichier…' }).click()
    await (await chooser).setFiles(join(files, 'SCAN0051.PDF'))
    await slot.getByRole('button', { name: 'Agrandir SCAN0051.PDF' }).click()
    const picture = desk.page.getByRole('dialog', { name: 'SCAN0051.PDF' }).getByRole('img').first()
    await picture.waitFor()
    const src = (await picture.getAttribute('src')) ?? ''
    const shown = Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')

    // The same grid over the sheet the scanner saw and over the preview: a page drawn blank (every
    // cell white) or with the picture missing differs by over 100 grey levels under the stamp.
    const cells = 24
    const { width = 0, height = 0 } = await sharp(shown).metadata()
    const size = { width, height }
    const source = await cellMeans(sharp(sheet, { raw: { ...A4_300_DPI, channels: 1 } }), size, cells)
    const preview = await cellMeans(sharp(shown).flatten({ background: '#fff' }), size, cells)
    const differences = source.map((grey, i) => Math.abs(grey - (preview[i] ?? 255)))
    const said = `grey differences by cell:\n${differences.join(',')}`
    // Lossy at 1:40, and lines of text falling across cells a little differently at the preview's size.
    expect(Math.max(...differences), said).toBeLessThan(40)
    expect(differences.reduce((sum, d) => sum + d, 0) / differences.length, said).toBeLessThan(6)
    expect(desk.problems).toEqual([])
  })
})
