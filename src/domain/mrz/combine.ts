import { alphanumericCandidates } from './alphanumeric'
import { checks } from './check-digit'
import { asDigits, asLetters } from './look-alikes'
import { COMPOSITE_CHECK, td3 } from './td3'

type Field = { start: number; end: number; check: number }

/** Whether a field and its check digit, as read, give one reading that checks. */
function holds(line2: string, field: Field, alphanumeric: boolean): boolean {
  const value = line2.slice(field.start, field.end)
  const digit = line2[field.check] ?? ''
  if (alphanumeric)
    return (
      (/^<+$/.test(value) && (digit === '<' || digit === '0')) ||
      alphanumericCandidates(value, digit).length === 1
    )
  const digits = asDigits(value)
  const check = asDigits(digit)
  return digits !== null && check !== null && checks(digits, check)
}

/**
 * Line 2 put together from two OCR readings of the same MRZ: each field with its check digit is taken
 * from the first reading where it checks, so an error in one reading is made good by the other. Only
 * fields guarded by a check digit are mixed, and the composite digit must still hold over the whole
 * when the result is parsed, so it is never more than what the check digits vouch for.
 */
export function combineLine2(readings: readonly string[]): string[] {
  const [first] = readings
  if (first === undefined) return []
  const fields: [Field, boolean][] = [
    [td3.documentNumber, true],
    [td3.birthDate, false],
    [td3.expiryDate, false],
    [td3.personalNumber, true],
  ]
  let line = first
  for (const [field, alphanumeric] of fields) {
    const source = readings.find((reading) => holds(reading, field, alphanumeric))
    if (source)
      line =
        line.slice(0, field.start) + source.slice(field.start, field.check + 1) + line.slice(field.check + 1)
  }
  // The composite digit is tried from each reading; parsing then says whether one holds.
  return [...new Set(readings.map((reading) => reading[COMPOSITE_CHECK] ?? '<'))].map(
    (digit) => line.slice(0, COMPOSITE_CHECK) + digit,
  )
}

/** Line 1 from the reading whose name zone reads as letters, else the first. */
export function combineLine1(readings: readonly string[]): string | null {
  return (
    readings.find((line) => asLetters(line.slice(td3.name.start).split('<<<')[0] ?? '') !== null) ??
    readings[0] ??
    null
  )
}
