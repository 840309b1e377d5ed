/** 32 symbols, none that reads like another (no 0 or o, no 1 or l): one per 5 random bits. */
const SYMBOLS = 'abcdefghijkmnpqrstuvwxyz23456789'
const GROUPS = 6
const GROUP_LENGTH = 4

/**
 * A passphrase for an export file that nobody has to invent: 6 groups of 4 symbols, 120 random bits,
 * far beyond what a thief with the file can try even at scrypt's pace. `random` gives n random
 * bytes (crypto.getRandomValues in the page, crypto.randomBytes in Node).
 */
export function generatePassphrase(random: (length: number) => Uint8Array): string {
  const bytes = random(GROUPS * GROUP_LENGTH)
  const symbols = Array.from(bytes, (byte) => SYMBOLS[byte & 31])
  return Array.from({ length: GROUPS }, (_, i) =>
    symbols.slice(i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH).join(''),
  ).join('-')
}
