/**
 * Writes resources/ocrb-templates.json, the OCR-B glyph templates the MRZ reader matches cells against:
 * each MRZ character rendered from Debian's fonts-ocr-b (Matthew Skala's free OCR-B) with sharp, plain
 * and heavier, sharp and blurred, then sampled as the reader samples a cell of a scan.
 * Run: npx tsx scripts/ocrb-templates.ts
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import {
  cellVector,
  GLYPHS_FILE,
  GRID_H,
  GRID_W,
  MRZ_ALPHABET,
  type GlyphFile,
} from '../electron/core/ocr/glyphs'
import type { Gray } from '../electron/core/ocr/gray'

const SIZE = 100
const BASELINE = 120
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

async function render(text: string, stroke: number, blur: number): Promise<Gray> {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${4 * SIZE}" height="${1.6 * SIZE}">` +
      `<rect width="100%" height="100%" fill="#fff"/>` +
      `<text x="${SIZE / 5}" y="${BASELINE}" font-family="OCR B" font-size="${SIZE}"` +
      (stroke ? ` stroke="#000" stroke-width="${stroke}"` : '') +
      `>${escape(text)}</text></svg>`,
  )
  let pipeline = sharp(svg).grayscale()
  if (blur) pipeline = pipeline.blur(blur)
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Ink's extent (columns and rows darker than mid-grey) and darkness-weighted centre column. */
function ink(image: Gray) {
  let [x0, x1, y0, y1, sum, moment] = [Infinity, -1, Infinity, -1, 0, 0]
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const dark = 255 - (image.data[y * image.width + x] ?? 255)
      sum += dark
      moment += dark * x
      if (dark < 128) continue
      ;[x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)]
    }
  return { x0, x1, y0, y1, cx: moment / sum }
}

const capitals = ink(await render('H', 0, 0))
const pitch = ink(await render('HH', 0, 0)).x1 - capitals.x1
const glyphs: Record<string, string[]> = {}
for (const char of MRZ_ALPHABET)
  for (const stroke of [0, 4])
    for (const blur of [0, 4, 8]) {
      const image = await render(char, stroke, blur)
      const cell = { cx: ink(image).cx, pitch, top: capitals.y0, bottom: capitals.y1 + 1 }
      const vector = cellVector(image, cell)
      if (!vector) throw new Error(`OCR-B ${char} rendered blank: is fonts-ocr-b installed?`)
      // Stored before normalising (darkness 0-255), so the file reads as pictures of the glyphs.
      const raw = Buffer.alloc(GRID_W * GRID_H)
      const min = Math.min(...vector)
      const max = Math.max(...vector)
      for (let i = 0; i < raw.length; i++) raw[i] = Math.round((255 * ((vector[i] ?? 0) - min)) / (max - min))
      ;(glyphs[char] ??= []).push(raw.toString('hex'))
    }
const file: GlyphFile = { grid: [GRID_W, GRID_H], glyphs }
writeFileSync(join(import.meta.dirname, '../resources', GLYPHS_FILE), JSON.stringify(file) + '\n')
console.log(
  `${MRZ_ALPHABET.length} glyphs, pitch ${pitch} px, capitals ${capitals.y1 + 1 - capitals.y0} px at ${SIZE} px`,
)
