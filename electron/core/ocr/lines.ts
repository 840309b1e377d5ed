import { TD3_LENGTH } from '../../../src/domain/mrz/td3'
import type { OcrLine, OcrSymbol } from './engine'

/** Wide OCR-B capitals that the legacy engine may read as two or three narrow ones in one place. */
const SPLIT_GLYPHS: Readonly<Record<string, string>> = {
  IVI: 'M',
  IV: 'M',
  VI: 'M',
  VV: 'W',
  IN: 'M',
  NI: 'M',
}
/** What the LSTM engine makes of a `<` it does not see as one. */
const CHEVRON_GHOSTS = new Set(['<', 'K', 'L', 'C'])

type Engine = 'legacy' | 'lstm'

const centre = (symbol: OcrSymbol) => (symbol.x0 + symbol.x1) / 2
const overlap = (a: OcrLine, b: OcrLine) => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)

/**
 * One MRZ line from the two engines' readings of it, or null when a character cannot be told. The MRZ
 * is monospaced: the line's extent is cut into 44 cells and each cell takes the legacy engine's `<`,
 * else the `prefer`red engine's letter or digit, else the other's. The LSTM engine is right more
 * often; where the two differ, reading the line both ways lets the check digits choose.
 */
function mergeLine(legacy: OcrLine, lstm: OcrLine | undefined, prefer: Engine): string | null {
  const all = [...legacy.symbols, ...(lstm?.symbols ?? [])]
  if (legacy.symbols.length < TD3_LENGTH - 6 || legacy.symbols.length > TD3_LENGTH + 8) return null
  const left = Math.min(...all.map((symbol) => symbol.x0))
  const right = Math.max(...all.map((symbol) => symbol.x1))
  const pitch = (right - left) / TD3_LENGTH
  if (!(pitch > 0) || all.length === 0) return null
  const cell = (symbol: OcrSymbol) => Math.floor((centre(symbol) - left) / pitch)
  const cells = Array.from({ length: TD3_LENGTH }, (_, i) => ({
    legacy: legacy.symbols.filter((symbol) => cell(symbol) === i).map((symbol) => symbol.char),
    lstm: (lstm?.symbols ?? []).filter((symbol) => cell(symbol) === i).map((symbol) => symbol.char),
  }))
  const chars = cells.map(({ legacy: old, lstm: modern }) => {
    const legacyChar = old.length === 1 ? old[0] : SPLIT_GLYPHS[old.join('')]
    if (legacyChar === '<' || (modern.length > 0 && modern.every((c) => c === '<'))) {
      return modern.every((c) => CHEVRON_GHOSTS.has(c)) || legacyChar === '<' ? '<' : undefined
    }
    if (modern.length === 1 && modern[0] !== '<' && (prefer === 'lstm' || legacyChar === undefined))
      return modern[0]
    return legacyChar ?? (modern.length === 1 ? modern[0] : undefined)
  })
  return chars.every((char) => char !== undefined) ? chars.join('') : null
}

/**
 * Pairs of consecutive lines that make 44 MRZ characters each, top first, from the legacy engine's
 * lines and the LSTM engine's (matched to them by their height on the strip).
 */
export function mrzLinePairs(
  legacy: readonly OcrLine[],
  lstm: readonly OcrLine[],
  prefer: Engine = 'lstm',
): [string, string][] {
  const texts = legacy.map((line) => {
    const twin = lstm.find((other) => overlap(line, other) > 0.5 * (line.y1 - line.y0))
    return mergeLine(line, twin, prefer)
  })
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [texts[i], texts[i + 1]]
    if (a && b) pairs.push([a, b])
  }
  return pairs
}
