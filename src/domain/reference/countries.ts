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

const namesFr = getNames('fr', { select: 'official' })
const namesEn = getNames('en', { select: 'official' })

/** ISO 3166-1 alpha-2 countries (overseas regions such as RE or GP are entries of their own). */
export const countries: readonly Labelled[] = Object.keys(namesFr).map((code) => ({
  code,
  label: { fr: namesFr[code] ?? code, en: namesEn[code] ?? code },
}))

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
