import type { Check } from './check'
import { fail } from './check'

/** The bidirectional embeddings, overrides and isolates used to disguise text (Trojan Source). */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u

/**
 * C0/C1 controls, and the direction controls. Format characters such as ZWNJ stay allowed: Persian and
 * Indic names need them.
 */
const isUnsafe = (text: string): boolean => /\p{Cc}/u.test(text) || BIDI_CONTROL.test(text)
const MARKUP = /[<>]/

/**
 * Invisible characters a paste brings along that mean nothing in a name or an address: zero-width
 * space, word joiner, BOM, soft hyphen (PDF hyphenation), the direction marks around Arabic or Hebrew
 * text. ZWNJ and ZWJ are not among them: they change how a Persian or Indic name is written.
 */
export const INVISIBLE = /[\u00AD\u061C\u200B\u200E\u200F\u2060\uFEFF]/g

/**
 * NFC so that "é" typed or pasted compares equal; any run of whitespace (newlines too) becomes one
 * space; invisible paste marks dropped.
 */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
}

/** Length in characters a person sees (code points), not UTF-16 units. */
const textLength = (text: string): number => [...text].length

/**
 * The checks every free text of the form shares. Length first, so a pasted 10,000-character blob is
 * reported as too long rather than scanned by the later rules.
 */
export function checkFreeText(input: string, max: number): Check {
  const value = cleanText(input)
  if (value === '') return fail('required')
  if (textLength(value) > max) return fail('too_long')
  if (isUnsafe(value)) return fail('control_chars')
  if (MARKUP.test(value)) return fail('markup')
  return { ok: true, value }
}
