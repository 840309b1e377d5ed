/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem } from 'pdfjs-dist/types/src/display/api'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GuichetApi } from '../../src/domain/ipc/contract'
import { openDesk, type Desk } from './desk'
import { field, savedDraft } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(() => desk.close())

/** Liberation Sans, Helvetica's metric twin: the shape and advance of every letter as the PDF means them. */
const referenceFont = readFileSync(
  join(
    dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts/LiberationSans-Regular.ttf',
  ),
)

/** Where pdf.js (in Node, no drawing) places a line of the PDF: its text, origin and width, in points. */
async function lineOf(base64: string, starts: string) {
  const pdf = await getDocument({
    data: new Uint8Array(Buffer.from(base64, 'base64')),
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  const page = await pdf.getPage(1)
  const { items } = await page.getTextContent()
  const line = items.find((item): item is TextItem => 'str' in item && item.str.startsWith(starts))
  const pageWidth = page.getViewport({ scale: 1 }).width
  const pageHeight = page.getViewport({ scale: 1 }).height
  await pdf.destroy()
  if (!line) throw new Error(`no line starting "${starts}"`)
  const [size, , , , x, y] = line.transform as number[]
  return { text: line.str, size: size ?? 0, x: x ?? 0, y: y ?? 0, width: line.width, pageWidth, pageHeight }
}

describe('the sworn statement’s preview, drawn by pdf.js in Chromium under the app’s CSP', () => {
  it('draws Helvetica with its real metrics: the line matches the same text drawn with Liberation Sans', async () => {
    const { page } = desk
    await field(page, 'Nom').fill('Nguyen')
    await field(page, 'Prénom').fill('Lan')
    await field(page, 'Nom').focus()
    const { clientId } = await savedDraft(desk)
    await page.getByRole('button', { name: 'Générer l’attestation sur l’honneur' }).click()
    const picture = page.getByRole('dialog', { name: 'Attestation sur l’honneur' }).getByRole('img')
    await picture.waitFor()
    const src = (await picture.getAttribute('src')) ?? ''

    // The same statement, asked of the core as the button did, read by pdf.js for where its line lies.
    const made = await page.evaluate(
      (id) => (window as unknown as { guichet: GuichetApi }).guichet.generateAttestation({ clientId: id }),
      clientId,
    )
    if (!made.ok) throw new Error(made.error.code)
    const line = await lineOf(made.value.base64, 'Je soussign')
    expect(line.text).toBe('Je soussigné(e) Lan NGUYEN,')

    // Column by column along the line: ink or not, in the preview and in the reference drawn by
    // Chromium itself with the font file at the same place and size.
    const columns = await page.evaluate(
      async ({ src, font, line }) => {
        const image = new Image()
        image.src = src
        await image.decode()
        const scale = image.naturalWidth / line.pageWidth
        const size = line.size * scale
        const x = line.x * scale
        const baseline = (line.pageHeight - line.y) * scale
        const face = new FontFace(
          'Reference Liberation Sans',
          Uint8Array.from(atob(font), (c) => c.charCodeAt(0)),
        )
        document.fonts.add(await face.load())
        const inked = (draw: (g: CanvasRenderingContext2D) => void) => {
          const canvas = document.createElement('canvas')
          canvas.width = image.naturalWidth
          canvas.height = image.naturalHeight
          const g = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
          g.fillStyle = '#fff'
          g.fillRect(0, 0, canvas.width, canvas.height)
          draw(g)
          const left = Math.floor(x - size / 2)
          const top = Math.floor(baseline - size)
          const width = Math.ceil(line.width * scale + size)
          const height = Math.ceil(size * 1.3)
          const { data } = g.getImageData(left, top, width, height)
          return Array.from({ length: width }, (_, column) =>
            Array.from({ length: height }, (_, row) => data[(row * width + column) * 4] ?? 255).some(
              (v) => v < 128,
            ),
          )
        }
        return {
          shown: inked((g) => g.drawImage(image, 0, 0)),
          reference: inked((g) => {
            g.fillStyle = '#000'
            g.font = `${size}px "Reference Liberation Sans"`
            g.fillText(line.text, x, baseline)
          }),
        }
      },
      { src, font: referenceFont.toString('base64'), line },
    )
    const { shown, reference } = columns
    const drawn = (ink: boolean[]) => ink.map((v) => (v ? '#' : '.')).join('')
    const said = `preview vs reference, column by column:\n${drawn(shown)}\n${drawn(reference)}`
    // The letters stand where the font puts them: a narrower fallback made 11 % of the columns differ.
    const differing = shown.filter((ink, i) => ink !== reference[i]).length
    expect(differing / shown.length, said).toBeLessThan(0.03)
    // "Je", not "J e": the white between the first two letters is the font's, within a pixel.
    const gapAfterFirstLetter = (ink: boolean[]) => {
      const letterEnd = ink.indexOf(false, ink.indexOf(true))
      return ink.indexOf(true, letterEnd) - letterEnd
    }
    expect(Math.abs(gapAfterFirstLetter(shown) - gapAfterFirstLetter(reference)), said).toBeLessThanOrEqual(1)
    expect(desk.problems).toEqual([])
  })
})
