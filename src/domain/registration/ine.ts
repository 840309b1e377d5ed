import type { Check } from './check'
import { fail } from './check'
import type { WarningCode } from './codes'
import { mod23Key, normaliseCode } from './key-letters'

/** Formats and keys: /work/shared/reference/ine_formats.md (betagouv/sante-psy, EsupPortail/esup-ecandidat). */
export type IneKind = 'rnie' | 'bea' | 'base36' | 'sifa' | 'provisoire'

export type IneCheck = Check<string, { kind: IneKind; warning?: WarningCode }>

const RNIE = /^\d{9}[A-HJK]{2}$/
const SIFA = /^\d{4}A\d{5}[A-HJ-NPR-Z]$/
const PROVISOIRE = /^\d{4}D\d{5}[A-HJ-NPR-Z]$/
const BEA = /^\d{10}[A-Z]$/
const BASE36 = /^[0-9A-Z]{10}\d$/
const IDENTICAL_DIGITS = /^(\d)\1{9}/
const LETTERS_ONLY = /^[A-Z]{10}/

export const normaliseIne = normaliseCode

/**
 * The RNIE key is not public (Apogée checks it through a web service). The hypothesis in the reference
 * notes fits one known sample only, so a mismatch is a warning for the operator, never a refusal.
 */
function hypotheticalRnieKey(digits: string): string {
  const key = String(97 - (Number(digits) % 97)).padStart(2, '0')
  return [...key].map((digit) => 'ABCDEFGHJK'[Number(digit)]).join('')
}

/** Base 36 ("INE universitaire"): 6 × the sum of the first nine values + the tenth, last decimal digit. */
function base36Key(first10: string): string {
  const values = [...first10].map((char) => parseInt(char, 36))
  const nine = values.slice(0, 9).reduce((sum, value) => sum + value, 0)
  return String((6 * nine + (values[9] ?? 0)) % 10)
}

export function checkIne(input: string): IneCheck {
  const ine = normaliseIne(input)
  if (!/^[0-9A-Z]{11}$/.test(ine)) return fail('ine_format')
  const body = ine.slice(0, 10)
  const key = ine.slice(10)

  if (RNIE.test(ine)) {
    const verified = hypotheticalRnieKey(ine.slice(0, 9)) === ine.slice(9)
    return verified
      ? { ok: true, value: ine, kind: 'rnie' }
      : { ok: true, value: ine, kind: 'rnie', warning: 'rnie_key_unverified' }
  }
  if (SIFA.test(ine)) return { ok: true, value: ine, kind: 'sifa' }
  if (PROVISOIRE.test(ine)) return { ok: true, value: ine, kind: 'provisoire' }
  if (IDENTICAL_DIGITS.test(ine)) return fail('ine_identical_digits')
  if (BEA.test(ine)) return mod23Key(body) === key ? { ok: true, value: ine, kind: 'bea' } : fail('ine_key')
  if (BASE36.test(ine)) {
    if (LETTERS_ONLY.test(ine)) return fail('ine_format')
    return base36Key(body) === key ? { ok: true, value: ine, kind: 'base36' } : fail('ine_key')
  }
  return fail('ine_format')
}
