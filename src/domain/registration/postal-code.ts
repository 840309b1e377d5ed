import type { Check } from './check'
import { fail } from './check'
import { checkFreeText } from './text'

/** Countries whose addresses use La Poste's 5-digit codes (overseas regions and Monaco included). */
export const LA_POSTE_COUNTRIES: readonly string[] = [
  'FR',
  'GP',
  'MQ',
  'GF',
  'RE',
  'YT',
  'PM',
  'BL',
  'MF',
  'WF',
  'PF',
  'NC',
  'MC',
]

const FRENCH = /^\d{5}$/
const ELSEWHERE = /^[\p{L}\p{N}][\p{L}\p{N} -]{0,11}$/u

/**
 * A postal code for an address in `country`. With `exists` (La Poste's list, loaded by the core), a
 * French code must also be a real one.
 */
export function checkPostalCode(
  input: string,
  country: string | null | undefined,
  exists?: (code: string) => boolean,
): Check {
  const text = checkFreeText(input, 12)
  if (!text.ok) return text.code === 'required' ? text : fail('postal_code_format')
  const value = text.value.toUpperCase()
  if (country && LA_POSTE_COUNTRIES.includes(country)) {
    const code = value.replace(/ /g, '')
    if (!FRENCH.test(code)) return fail('postal_code_format')
    if (exists && !exists(code)) return fail('postal_code_unknown')
    return { ok: true, value: code }
  }
  return ELSEWHERE.test(value) ? { ok: true, value } : fail('postal_code_format')
}
