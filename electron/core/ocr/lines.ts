import { TD3_LENGTH } from '../../../src/domain/mrz/td3'
import type { OcrLine } from './engine'

/**
 * The line as 44 MRZ characters, or null. OCR may split a character in two or drop one; the MRZ is
 * monospaced, so each character is put in the cell its position falls in, and the line is kept only
 * when every cell holds exactly one character.
 */
export function toMrzLine(line: OcrLine): string | null {
  const chars = [...line.text]
  if (chars.length === TD3_LENGTH) return line.text
  if (Math.abs(chars.length - TD3_LENGTH) > 4 || line.xs.length !== chars.length) return null
  const steps = line.xs.slice(1).map((x, i) => x - (line.xs[i] ?? x)).filter((step) => step > 0)
  const pitch = steps.sort((a, b) => a - b)[Math.floor(steps.length / 2)] ?? 0
  const first = line.xs[0] ?? 0
  const last = line.xs[line.xs.length - 1] ?? 0
  if (pitch <= 0 || Math.round((last - first) / pitch) !== TD3_LENGTH - 1) return null
  const cells: string[][] = Array.from({ length: TD3_LENGTH }, () => [])
  chars.forEach((char, i) => cells[Math.round(((line.xs[i] ?? 0) - first) / pitch)]?.push(char))
  const merged = cells.map((cell) => (cell.length === 1 ? cell[0] : SPLIT_GLYPHS[cell.join('')]))
  return merged.every((char) => char !== undefined) ? merged.join('') : null
}

/** Wide OCR-B capitals that OCR may read as two or three narrow ones in the space of one. */
const SPLIT_GLYPHS: Readonly<Record<string, string>> = { IVI: 'M', IV: 'M', VI: 'M', VV: 'W', IN: 'M', NI: 'M' }

/** Pairs of consecutive lines that are both 44 MRZ characters long, top first. */
export function mrzLinePairs(lines: readonly OcrLine[]): [string, string][] {
  const texts = lines.map((line) => toMrzLine({ ...line, text: line.text.replace(/\s/g, '') }))
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [texts[i], texts[i + 1]]
    if (a && b) pairs.push([a, b])
  }
  return pairs
}
