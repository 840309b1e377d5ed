import { getNames, registerLocale } from 'i18n-iso-countries/index.js'
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' }
import type { Locale } from '../settings'
import type { Labelled } from './labels'

// The package's index.js, not its Node entry: that one loads all 80 locales, and the renderer needs two.
registerLocale(fr)
registerLocale(en)

/**
 * Nationalities a passport may carry that are no country (ICAO Doc 9303 part 3; see
 * /work/shared/reference/mrz_td3.md). They exist for nationality only, never for an address.
 */
export const specialNationalities = [
  { code: 'XXA', label: { fr: 'Apatride', en: 'Stateless person' } },
  { code: 'XXB', label: { fr: 'Réfugié(e)', en: 'Refugee' } },
  { code: 'XXC', label: { fr: 'Réfugié(e), autre statut', en: 'Refugee, other status' } },
  { code: 'XXX', label: { fr: 'Nationalité non précisée', en: 'Unspecified nationality' } },
] as const satisfies readonly Labelled[]

/**
 * The names people use where the package's first name is ISO's long or inverted form, which a list
 * sorts under R or T ("République unie de Tanzanie", "The Republic of North Macedonia") so that typing
 * the country's name lands elsewhere. The package's own aliases are not enough: its French file has
 * none, and in English the alias is sometimes worse ("Korea, Republic of", "UK", "Congo" for both
 * Congos).
 */
const common: Record<string, Partial<Record<Locale, string>>> = {
  BN: { fr: 'Brunei', en: 'Brunei' },
  CD: { fr: 'Congo (République démocratique)', en: 'Congo (Democratic Republic)' },
  CF: { fr: 'Centrafrique' },
  CG: { fr: 'Congo', en: 'Congo' },
  CI: { fr: 'Côte d’Ivoire' },
  CN: { en: 'China' },
  CZ: { fr: 'Tchéquie', en: 'Czechia' },
  DO: { fr: 'République dominicaine' },
  FM: { en: 'Micronesia' },
  GM: { en: 'Gambia' },
  IR: { en: 'Iran' },
  LA: { en: 'Laos' },
  MD: { en: 'Moldova' },
  MK: { en: 'North Macedonia' },
  PS: { en: 'Palestine' },
  RU: { en: 'Russia' },
  SY: { fr: 'Syrie', en: 'Syria' },
  SZ: { fr: 'Eswatini' },
  TW: { en: 'Taiwan' },
  TZ: { fr: 'Tanzanie', en: 'Tanzania' },
  US: { fr: 'États-Unis', en: 'United States' },
  VG: { en: 'British Virgin Islands' },
  VI: { en: 'U.S. Virgin Islands' },
}

/** Other words that pick a country when typed on its list (typeahead.ts): a few the package lacks. */
const alsoTyped: Record<string, readonly string[]> = {
  CD: ['RDC', 'RD Congo', 'DRC', 'DR Congo'],
  GB: ['Angleterre', 'England', 'Grande-Bretagne'],
  NL: ['Hollande', 'Holland'],
  US: ['USA'],
}

const allFr = getNames('fr', { select: 'all' })
const allEn = getNames('en', { select: 'all' })
/** French typography: a typographic apostrophe ("Côte d’Ivoire"); the typed one still picks it. */
const typographic = (name: string) => name.replace(/'/g, '’')
const labelOf = (code: string): Record<Locale, string> => ({
  fr: typographic(common[code]?.fr ?? allFr[code]?.[0] ?? code),
  en: common[code]?.en ?? allEn[code]?.[0] ?? code,
})
const namesOf = (code: string) => [
  ...(allFr[code] ?? []),
  ...(allEn[code] ?? []),
  ...Object.values(common[code] ?? {}),
  ...(alsoTyped[code] ?? []),
]
/** A name that two countries share ("Congo") picks neither: their labels tell them apart. */
const owners = new Map<string, Set<string>>()
for (const code of Object.keys(allFr))
  for (const name of namesOf(code)) owners.set(name, (owners.get(name) ?? new Set()).add(code))

/**
 * ISO 3166-1 alpha-2 countries (overseas regions such as RE or GP are entries of their own), named as
 * people say them; their official and other names are still typed words.
 */
export const countries: readonly Labelled[] = Object.keys(allFr).map((code) => {
  const label = labelOf(code)
  const typed = [...new Set(namesOf(code))].filter(
    (name) => (name !== label.fr || name !== label.en) && owners.get(name)?.size === 1,
  )
  return { code, label, ...(typed.length && { typed }) }
})

const countryCodes = new Set(countries.map((country) => country.code))
const nationalityCodes = new Set([...countryCodes, ...specialNationalities.map((special) => special.code)])

export const isCountryCode = (code: string): boolean => countryCodes.has(code)
export const isNationalityCode = (code: string): boolean => nationalityCodes.has(code)

const byLabel = (locale: Locale) => (a: Labelled, b: Labelled) =>
  a.label[locale].localeCompare(b.label[locale], locale)

/** Countries sorted by their name in `locale`, for an address's country. */
export const countryOptions = (locale: Locale): Labelled[] => [...countries].sort(byLabel(locale))

/** Countries sorted in `locale`, then the special nationalities (stateless, refugee, unspecified). */
export const nationalityOptions = (locale: Locale): Labelled[] => [
  ...countryOptions(locale),
  ...specialNationalities,
]

export const countryName = (code: string, locale: Locale): string | undefined =>
  countries.find((country) => country.code === code)?.label[locale] ??
  specialNationalities.find((special) => special.code === code)?.label[locale]
