import { departements } from '../reference/departements'
import type { Check } from './check'
import type { WarningCode } from './codes'
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
 * A La Poste code begins with its département: two digits in metropolitan France (20 for both
 * Corsican départements, 2A and 2B), three overseas (971 to 988). Monaco, which La Poste serves,
 * has 980.
 */
const PREFIXES: ReadonlySet<string> = new Set([
  ...departements.map(({ code }) => (code === '2A' || code === '2B' ? '20' : code)),
  '980',
])
const hasDepartement = (code: string) => PREFIXES.has(code.slice(0, 2)) || PREFIXES.has(code.slice(0, 3))

/**
 * A well-formed code the communes list does not hold (a new CEDEX, a recent commune): accepted,
 * since the list lags behind La Poste, but the agent is asked to check it.
 */
export type PostalCodeCheck = Check<string, { warning?: WarningCode }>

/**
 * A postal code for an address in `country`. A La Poste code is 5 digits starting with a real
 * département; `listed` (the communes list, where the caller has it) only turns a code it does
 * not hold into a warning, never a refusal.
 */
export function checkPostalCode(
  input: string,
  country: string | null | undefined,
  listed?: (code: string) => boolean,
): PostalCodeCheck {
  const text = checkFreeText(input, 12)
  if (!text.ok) return text.code === 'required' ? text : fail('postal_code_format')
  const value = text.value.toUpperCase()
  if (country && LA_POSTE_COUNTRIES.includes(country)) {
    const code = value.replace(/ /g, '')
    if (!FRENCH.test(code)) return fail('postal_code_format')
    if (!hasDepartement(code)) return fail('postal_code_department')
    return listed && !listed(code)
      ? { ok: true, value: code, warning: 'postal_code_unknown' }
      : { ok: true, value: code }
  }
  return ELSEWHERE.test(value) ? { ok: true, value } : fail('postal_code_format')
}
