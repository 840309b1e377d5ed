const same = (a: string, b: string) => a.trim().toLocaleUpperCase('fr') === b.trim().toLocaleUpperCase('fr')

/**
 * What the city becomes once La Poste's list has answered for a newly typed postal code: a string to
 * set ('' empties it), undefined to leave it alone. The city follows the code only while it is the
 * list's own (empty, or one of the communes of the code looked up before): correcting 75005 to 13001
 * must not leave "PARIS 05" beside it. A city the agent typed that is not such a commune is never
 * touched. Several communes: the stale one is emptied and the agent picks one. A code the list does
 * not know (a new CEDEX, a typo the postcode check flags) says nothing about the city: it stays.
 */
export function cityForPostcode(
  city: string | null | undefined,
  before: readonly string[],
  found: readonly string[],
): string | undefined {
  const current = city?.trim() ?? ''
  if (found.length === 0) return undefined
  if (current && !before.some((commune) => same(commune, current))) return undefined
  if (current && found.some((commune) => same(commune, current))) return undefined
  if (found.length === 1) return found[0]
  return current ? '' : undefined
}
