/**
 * Characters OCR confuses in the OCR-B font, in both directions. A field's type says which side is
 * right: a date or a check digit holds digits, a name or a state code holds letters; a document number
 * holds both, so there only its check digit can choose.
 */
const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
  T: '7',
}
const DIGIT_TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '8': 'B',
  '6': 'G',
  '7': 'T',
  '4': 'A',
}

/** `text` with every letter that looks like a digit made that digit; null if a letter remains. */
export function asDigits(text: string): string | null {
  const out = [...text].map((char) => LETTER_TO_DIGIT[char] ?? char).join('')
  return /^[0-9]*$/.test(out) ? out : null
}

/** `text` with every digit that looks like a letter made that letter; null if a digit remains. */
export function asLetters(text: string): string | null {
  const out = [...text].map((char) => DIGIT_TO_LETTER[char] ?? char).join('')
  return /^[A-Z<]*$/.test(out) ? out : null
}

/**
 * The pairs OCR confuses most in OCR-B, whose glyphs differ by a stroke or a corner. Only these are
 * tried in a document number, where the check digit must pick: a wider set (T/7, A/4) would let two
 * readings pass too often, and L/1 or G/6 pass a check digit whichever is right.
 */
const SWAPS: Readonly<Record<string, string>> = {
  O: '0',
  '0': 'O',
  D: '0',
  Q: '0',
  I: '1',
  '1': 'I',
  Z: '2',
  '2': 'Z',
  S: '5',
  '5': 'S',
  B: '8',
  '8': 'B',
}

/** The other reading of a character OCR may have confused, in a field of letters and digits. */
export const lookAlike = (char: string): string | undefined => SWAPS[char]
