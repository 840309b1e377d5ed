import type { Check } from './check'
import { fail } from './check'
import { checkFreeText } from './text'

export const NAME_MAX_LENGTH = 100

/**
 * Letters and combining marks of every script, plus what names are joined with: space, hyphen,
 * apostrophes, and the zero-width (non-)joiners that Persian and Indic spellings need.
 */
const NAME = /^[\p{L}\p{M} '’\u200C\u200D-]+$/u
const LETTER = /\p{L}/u

/** A last name or first name as written on the passport, in any alphabet. */
export function checkName(input: string): Check {
  const text = checkFreeText(input, NAME_MAX_LENGTH)
  if (!text.ok) return text
  if (!NAME.test(text.value) || !LETTER.test(text.value)) return fail('name_chars')
  return text
}
