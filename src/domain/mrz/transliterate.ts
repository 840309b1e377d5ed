/**
 * ICAO Doc 9303 part 3, section 6 (transliteration of Latin characters into the MRZ). Where the
 * document allows two spellings (Ä as AE or A, Ñ as N or NXX), the first is the recommended one; both
 * are accepted when comparing.
 */
const TABLE: Readonly<Record<string, readonly string[]>> = {
  Ä: ['AE', 'A'],
  Å: ['AA', 'A'],
  Æ: ['AE'],
  Ç: ['C'],
  Ð: ['D'],
  Đ: ['D'],
  Ñ: ['N', 'NXX'],
  Ö: ['OE', 'O'],
  Ø: ['OE', 'O'],
  Œ: ['OE'],
  Ü: ['UE', 'U'],
  Þ: ['TH'],
  ß: ['SS'],
  ẞ: ['SS'],
  Ł: ['L'],
  Ħ: ['H'],
  Ĳ: ['IJ'],
  Ŀ: ['L'],
  Ŧ: ['T'],
  ı: ['I'],
}

const MAX_SPELLINGS = 64

/**
 * Every MRZ spelling of a typed name: capitals without accents, spaces, hyphens and other separators as
 * `<`, apostrophes dropped. Characters outside Latin are left out (their transliteration needs the
 * issuing state's own table), so the comparison then relies on what remains.
 */
export function mrzSpellings(typed: string): string[] {
  let spellings = ['']
  for (const char of typed.normalize('NFC')) {
    const upper = char === 'ß' ? 'ß' : char.toLocaleUpperCase('und')
    const options = TABLE[upper] ??
      TABLE[char] ?? [
        upper
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/['’ʼ`]/g, '')
          .replace(/[^A-Z]/g, '<'),
      ]
    spellings = spellings.flatMap((start) => options.map((option) => start + option)).slice(0, MAX_SPELLINGS)
  }
  return [...new Set(spellings.map((spelling) => spelling.replace(/<+/g, '<').replace(/^<|<$/g, '')))]
}

/** A name as the MRZ holds it, in words: `<` and spaces alike. */
const words = (mrz: string): string => mrz.replace(/[<\s]+/g, '<').replace(/^<|<$/g, '')

/**
 * Whether a typed name (accents and all) is the one the MRZ holds. The MRZ name zone is cut at 39
 * characters, so a long name matches when its spelling begins with what the MRZ kept.
 */
export function sameNameAsMrz(typed: string, mrzName: string, truncated = false): boolean {
  const target = words(mrzName)
  if (target === '') return false
  return mrzSpellings(typed).some((spelling) =>
    truncated ? spelling.startsWith(target) : spelling === target,
  )
}
