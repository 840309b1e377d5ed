const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' }

/**
 * What a search compares: no accents, no case, punctuation as spaces, so "st etienne" finds
 * "Saint-Étienne"'s words and "ecole" finds "École".
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[œæß]/g, (char) => LIGATURES[char] ?? char)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
