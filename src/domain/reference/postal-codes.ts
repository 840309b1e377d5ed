import { parseSemicolonCsv } from './csv'

/** One row of resources/reference/codes_postaux.csv (La Poste, see SOURCE.md there). */
export interface PostalCodeRow {
  postalCode: string
  /** As La Poste writes it: upper case, no accents, "ST" for "Saint". */
  commune: string
  inseeCode: string
}

export function parsePostalCodes(csv: string): PostalCodeRow[] {
  return parseSemicolonCsv(csv, ['postal_code', 'commune', 'insee_code'] as const).map((row) => ({
    postalCode: row.postal_code,
    commune: row.commune,
    inseeCode: row.insee_code,
  }))
}

export interface PostalCodeIndex {
  has(postalCode: string): boolean
  /** The communes a postal code serves, in the list's order; [] for an unknown code. */
  communes(postalCode: string): string[]
}

export function indexPostalCodes(rows: readonly PostalCodeRow[]): PostalCodeIndex {
  const byCode = new Map<string, string[]>()
  for (const row of rows) {
    const communes = byCode.get(row.postalCode) ?? []
    if (!communes.includes(row.commune)) communes.push(row.commune)
    byCode.set(row.postalCode, communes)
  }
  return {
    has: (postalCode) => byCode.has(postalCode),
    communes: (postalCode) => [...(byCode.get(postalCode) ?? [])],
  }
}
