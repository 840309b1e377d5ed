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

/** The other reading of a character OCR may have confused, if it has one. */
export const lookAlike = (char: string): string | undefined => LETTER_TO_DIGIT[char] ?? DIGIT_TO_LETTER[char]
