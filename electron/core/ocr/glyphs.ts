import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Gray } from './gray'

/** The characters an MRZ holds. */
export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'
/** A cell is sampled on this grid (columns × rows): one pitch wide, the capitals' height and a margin tall. */
export const GRID_W = 16
export const GRID_H = 20
/** Share of the capitals' height added above and below the cell, so a blurred edge is not cut. */
export const CELL_MARGIN = 0.08
/** The template file in resources/, written by scripts/ocrb-templates.ts. */
export const GLYPHS_FILE = 'ocrb-templates.json'

/** One character's template: its darkness on the grid, zero mean and unit length. */
export interface Glyph {
  char: string
  vector: Float32Array
}

/** A cell of a line: where its ink is centred, how far apart cells are, and the capitals' top and bottom. */
export interface Cell {
  cx: number
  pitch: number
  top: number
  bottom: number
}

/**
 * The cell's darkness on the grid, zero mean and unit length (so contrast and exposure do not matter),
 * or null for a blank cell. Each grid point averages 3 × 3 bilinear samples, so a cell many pixels wide
 * is shrunk without aliasing. The same sampling makes the templates and reads the scans.
 */
export function cellVector(image: Gray, cell: Cell): Float32Array | null {
  const { data, width, height } = image
  const margin = CELL_MARGIN * (cell.bottom - cell.top)
  const y0 = cell.top - margin
  const sy = (cell.bottom + margin - y0) / GRID_H
  const x0 = cell.cx - cell.pitch / 2
  const sx = cell.pitch / GRID_W
  const at = (x: number, y: number) => {
    const xi = Math.min(width - 2, Math.max(0, Math.floor(x)))
    const yi = Math.min(height - 2, Math.max(0, Math.floor(y)))
    const fx = Math.min(1, Math.max(0, x - xi))
    const fy = Math.min(1, Math.max(0, y - yi))
    const i = yi * width + xi
    const top = (data[i] ?? 255) * (1 - fx) + (data[i + 1] ?? 255) * fx
    const bottom = (data[i + width] ?? 255) * (1 - fx) + (data[i + width + 1] ?? 255) * fx
    return 255 - (top * (1 - fy) + bottom * fy)
  }
  const out = new Float32Array(GRID_W * GRID_H)
  for (let gy = 0; gy < GRID_H; gy++)
    for (let gx = 0; gx < GRID_W; gx++) {
      let sum = 0
      for (let j = 0; j < 3; j++)
        for (let i = 0; i < 3; i++) sum += at(x0 + (gx + (i + 0.5) / 3) * sx, y0 + (gy + (j + 0.5) / 3) * sy)
      out[gy * GRID_W + gx] = sum / 9
    }
  return unit(out)
}

function unit(vector: Float32Array): Float32Array | null {
  let mean = 0
  for (const v of vector) mean += v
  mean /= vector.length
  let norm = 0
  for (let i = 0; i < vector.length; i++) {
    const v = (vector[i] ?? 0) - mean
    vector[i] = v
    norm += v * v
  }
  if (norm < 1e-6) return null
  const scale = 1 / Math.sqrt(norm)
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale
  return vector
}

/** Templates as stored: each character's grid as hex bytes of darkness (0 white, 255 black). */
export type GlyphFile = { grid: [number, number]; glyphs: Record<string, string[]> }

export function parseGlyphs(file: GlyphFile): Glyph[] {
  if (file.grid[0] !== GRID_W || file.grid[1] !== GRID_H)
    throw new Error('OCR-B templates are for another grid')
  return Object.entries(file.glyphs).flatMap(([char, variants]) =>
    variants.flatMap((hex) => {
      const vector = unit(Float32Array.from(Buffer.from(hex, 'hex')))
      return vector ? [{ char, vector }] : []
    }),
  )
}

export function loadGlyphs(resourcesDir: string): Glyph[] {
  return parseGlyphs(JSON.parse(readFileSync(join(resourcesDir, GLYPHS_FILE), 'utf8')) as GlyphFile)
}

/**
 * The cell sampled a little left and right, up and down, and shorter: where a cell's edges were
 * measured on a blurred or coarse line is known to a pixel or so, and a pixel is much of a small glyph;
 * blur makes a line's capitals measure taller than they are, and the glyphs look squat (0 as O).
 */
export function cellVectors(image: Gray, cell: Cell): Float32Array[] {
  const height = cell.bottom - cell.top
  const vectors: Float32Array[] = []
  for (const dx of [-0.07, 0, 0.07])
    for (const dy of [-0.04, 0, 0.04])
      for (const shrink of [0.88, 0.94, 1, 1.05]) {
        const middle = (cell.top + cell.bottom) / 2 + dy * height
        const vector = cellVector(image, {
          cx: cell.cx + dx * cell.pitch,
          pitch: cell.pitch,
          top: middle - (shrink * height) / 2,
          bottom: middle + (shrink * height) / 2,
        })
        if (vector) vectors.push(vector)
      }
  return vectors
}

/** The characters a cell looks most like, best first, each with its correlation (1 is a perfect match). */
export function classify(
  vectors: readonly Float32Array[],
  glyphs: readonly Glyph[],
): { char: string; score: number }[] {
  const best = new Map<string, number>()
  for (const vector of vectors)
    for (const { char, vector: template } of glyphs) {
      let dot = 0
      for (let i = 0; i < template.length; i++) dot += (template[i] ?? 0) * (vector[i] ?? 0)
      if (dot > (best.get(char) ?? -2)) best.set(char, dot)
    }
  return [...best].map(([char, score]) => ({ char, score })).sort((a, b) => b.score - a.score)
}
