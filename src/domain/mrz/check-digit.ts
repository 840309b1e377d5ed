/** The MRZ alphabet: capital letters, digits and the filler `<`. */
export const MRZ_CHARS = /^[A-Z0-9<]*$/

/** A character's value in a check digit: 0–9 as such, A–Z as 10–35, `<` as 0 (ICAO 9303 part 3, 4.9). */
export function charValue(char: string): number {
  const code = char.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 90) return code - 55
  return 0
}

const WEIGHTS = [7, 3, 1] as const

/** The check digit of `text` (MRZ characters only): weights 7, 3, 1 repeating, sum modulo 10. */
export function checkDigit(text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) sum += charValue(text[i] ?? '<') * (WEIGHTS[i % 3] ?? 1)
  return sum % 10
}

/** True when `digit` (one character) is the check digit of `text`. */
export const checks = (text: string, digit: string): boolean => digit === String(checkDigit(text))
