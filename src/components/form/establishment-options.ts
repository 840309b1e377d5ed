import type { Establishment } from '../../domain/reference/establishments'
import { foldForSearch } from '../../domain/reference/fold'

/** A line of the establishment list: one establishment, or "Other" (not in the list). */
export type EstablishmentOption =
  { kind: 'establishment'; label: string; establishment: Establishment } | { kind: 'other'; label: string }

/** What the agent reads in the list: enough to tell two campuses of one university apart. */
export const establishmentLabel = (e: Establishment): string =>
  [e.name, e.acronym && `(${e.acronym})`, e.commune && `— ${e.commune}`].filter(Boolean).join(' ')

/**
 * The option whose visible text was typed (accents and case aside), so typing a name and pressing
 * Enter picks it without the arrow keys; the bare name or acronym of an establishment also counts.
 */
export function optionTyped(
  options: readonly EstablishmentOption[],
  typed: string,
): EstablishmentOption | undefined {
  const query = foldForSearch(typed)
  if (!query) return undefined
  return (
    options.find((option) => foldForSearch(option.label) === query) ??
    options.find(
      (option) =>
        option.kind === 'establishment' &&
        (foldForSearch(option.establishment.name) === query ||
          foldForSearch(option.establishment.acronym) === query),
    )
  )
}
