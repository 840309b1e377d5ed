import type { Option } from './options'

/** A key after a longer pause starts a new word, as in Chromium's own type-ahead. */
export const TYPEAHEAD_PAUSE_MS = 1000

/** Case, accents and apostrophes aside: "mme" is "Mme", "etats" is "États", "d'I" is "d’I". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u2019/g, "'")
    .toLocaleLowerCase()

const names = (option: Option) => [option.label, ...(option.typed ?? [])].map(fold)

/**
 * The option a closed list moves to once `typed` (the letters since the last pause) is typed on it, or
 * undefined to stay where it is. The browser's type-ahead reads labels only, so "Mrs" on "Ms (Mrs,
 * Miss)" / "Mr" stopped on Mr; here an option's other words count too. A word typed in full wins
 * (so "Mr" is Mr, though "Mrs" starts the same), then a label starting so, and only then another word
 * starting so: "Su" is Suède, not Soudan by its English name; a single letter steps through the
 * options it starts, from `current`, as the browser does.
 */
export function typeaheadPick(
  options: readonly Option[],
  typed: string,
  current: string | null,
): Option | undefined {
  const text = fold(typed)
  const labelStarts = (option: Option) => fold(option.label).startsWith(text)
  const starts = (option: Option) => names(option).some((name) => name.startsWith(text))
  if (!text) return undefined
  if (text.length === 1) {
    const byLabel = options.filter(labelStarts)
    const starting = byLabel.length > 0 ? byLabel : options.filter(starts)
    return starting[(starting.findIndex((option) => option.value === current) + 1) % starting.length]
  }
  return (
    options.find((option) => names(option).includes(text)) ??
    options.find(labelStarts) ??
    options.find(starts)
  )
}
