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

/**
 * What word processors, PDFs and keyboards put where a name has a hyphen or an apostrophe: the
 * Unicode hyphens and dashes, the acute accent and grave of keyboards without an apostrophe key.
 * The agent sees a hyphen and is told hyphens are allowed, so they are read as the plain ones.
 */
const HYPHENS = /[\u2010-\u2013\u2212\uFE63\uFF0D]/g
const APOSTROPHES = /[\u2018\u00B4\u0060\u2032\uFF07]/g

/** A last name or first name as written on the passport, in any alphabet. */
export function checkName(input: string): Check {
  const text = checkFreeText(input.replace(HYPHENS, '-').replace(APOSTROPHES, "'"), NAME_MAX_LENGTH)
  if (!text.ok) return text
  if (!NAME.test(text.value) || !LETTER.test(text.value)) return fail('name_chars')
  return text
}
