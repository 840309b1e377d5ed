import { TD3_LENGTH } from '../../../src/domain/mrz/td3'
import { cellVector, cellVectors, classify, type Cell, type Glyph } from './glyphs'
import type { Gray } from './gray'

/** Below this correlation with its best template a cell is unreadable: no guess is made. */
const MIN_SCORE = 0.55
/** A runner-up this close to the best is tried too, and the check digits choose. */
const CLOSE_CALL = 0.06
/** Characters an unsure cell is fitted against after a first look. */
const SHORTLIST = 5
/** A cell whose best match is at least this good, and this far ahead of the next, is not fitted again. */
const SURE = 0.85
const CLEAR = 0.12

/** The grey level between ink and paper (Otsu's), over the whole strip. */
function threshold(image: Gray): number {
  const histogram = new Array<number>(256).fill(0)
  for (const v of image.data) histogram[v] = (histogram[v] ?? 0) + 1
  const total = image.data.length
  let sum = 0
  for (let v = 0; v < 256; v++) sum += v * (histogram[v] ?? 0)
  let [below, sumBelow, best, level] = [0, 0, -1, 128]
  for (let v = 0; v < 256; v++) {
    below += histogram[v] ?? 0
    if (below === 0 || below === total) continue
    sumBelow += v * (histogram[v] ?? 0)
    const meanBelow = sumBelow / below
    const meanAbove = (sum - sumBelow) / (total - below)
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2
    if (between > best) [best, level] = [between, v]
  }
  return level
}

/** The two text lines of a levelled MRZ strip (top and bottom rows of their capitals), top first. */
function findLines(ink: (x: number, y: number) => boolean, image: Gray): { top: number; bottom: number }[] {
  const rows = Array.from({ length: image.height }, (_, y) => {
    let count = 0
    for (let x = 0; x < image.width; x++) if (ink(x, y)) count++
    return count
  })
  const floor = 0.2 * Math.max(...rows)
  const runs: { top: number; bottom: number; mass: number }[] = []
  rows.forEach((count, y) => {
    const last = runs.at(-1)
    if (count < floor) return
    if (last && last.bottom === y) {
      last.bottom = y + 1
      last.mass += count
    } else runs.push({ top: y, bottom: y + 1, mass: count })
  })
  return runs
    .sort((a, b) => b.mass - a.mass)
    .slice(0, 2)
    .sort((a, b) => a.top - b.top)
}

/**
 * The 44 cells of one line. The pitch comes from the line's extent, then pitch and first boundary are
 * fitted so the cell boundaries fall in the gaps between characters; each cell is then centred on its ink.
 */
function lineCells(
  ink: (x: number, y: number) => boolean,
  width: number,
  line: { top: number; bottom: number },
) {
  const columns = Array.from({ length: width }, (_, x) => {
    let count = 0
    for (let y = line.top; y < line.bottom; y++) if (ink(x, y)) count++
    return count
  })
  // OCR-B's pitch is about its capitals' height: ink further than two pitches from the rest is not the line.
  const height = line.bottom - line.top
  const spans: { left: number; right: number }[] = []
  columns.forEach((count, x) => {
    if (count === 0) return
    const last = spans.at(-1)
    if (last && x - last.right <= 2 * height) last.right = x + 1
    else spans.push({ left: x, right: x + 1 })
  })
  const span = spans.sort((a, b) => b.right - b.left - (a.right - a.left))[0]
  if (!span) return null
  const extent = span.right - span.left
  let fit = { cost: Infinity, start: 0, pitch: 0 }
  for (let pitch = extent / 44.4; pitch <= extent / 43.3; pitch += 0.02)
    for (let start = span.left - 0.45 * pitch; start <= span.left; start += 0.25) {
      let cost = 0
      for (let k = 1; k < TD3_LENGTH; k++) cost += columns[Math.round(start + k * pitch)] ?? 0
      if (cost < fit.cost) fit = { cost, start, pitch }
    }
  const cells: Cell[] = []
  for (let i = 0; i < TD3_LENGTH; i++) {
    const from = Math.round(fit.start + i * fit.pitch)
    const to = Math.round(fit.start + (i + 1) * fit.pitch)
    let [mass, moment] = [0, 0]
    for (let x = from; x < to; x++) {
      mass += columns[x] ?? 0
      moment += (columns[x] ?? 0) * (x + 0.5)
    }
    const cx = mass > 0 ? moment / mass : (from + to) / 2
    cells.push({ cx, pitch: fit.pitch, top: line.top, bottom: line.bottom })
  }
  return cells
}

/** One line read cell by cell: its best reading, and its runners-up in cells that were close calls. */
function readLine(image: Gray, cells: Cell[], glyphs: readonly Glyph[]): [string, string] | null {
  let [best, second] = ['', '']
  for (const cell of cells) {
    const centred = cellVector(image, cell)
    if (!centred) return null
    const first = classify([centred], glyphs)
    // An unsure cell is fitted again, sampled a little off, against its shortlist only.
    const sure = (first[0]?.score ?? 0) >= SURE && (first[0]?.score ?? 0) - (first[1]?.score ?? 0) >= CLEAR
    const shortlist = new Set(first.slice(0, SHORTLIST).map(({ char }) => char))
    const [top, next] = sure
      ? first
      : classify(
          cellVectors(image, cell),
          glyphs.filter(({ char }) => shortlist.has(char)),
        )
    if (!top || top.score < MIN_SCORE) return null
    best += top.char
    second += next && top.score - next.score < CLOSE_CALL ? next.char : top.char
  }
  return [best, second]
}

/**
 * Readings of both MRZ lines on a levelled strip, by matching each of the 44 cells of each line against
 * the OCR-B templates: the best reading first, then the one with runners-up where a cell was a close call.
 * None when a line cannot be found or a cell matches no character well.
 */
export function templateLinePairs(image: Gray, glyphs: readonly Glyph[]): [string, string][] {
  const level = threshold(image)
  const ink = (x: number, y: number) => (image.data[y * image.width + x] ?? 255) < level
  const lines = findLines(ink, image)
  if (lines.length < 2) return []
  const read = lines.map((line) => {
    const cells = lineCells(ink, image.width, line)
    return cells ? readLine(image, cells, glyphs) : null
  })
  const [first, second] = read
  if (!first || !second) return []
  const pairs: [string, string][] = [
    [first[0], second[0]],
    [first[1], second[1]],
  ]
  return pairs.filter(([a, b], i) => i === 0 || a !== pairs[0]?.[0] || b !== pairs[0][1])
}
