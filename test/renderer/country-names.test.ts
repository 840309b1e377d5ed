import { describe, expect, it } from 'vitest'
import { optionsOf } from '../../src/components/form/options'
import { fold, typeaheadPick } from '../../src/components/form/typeahead'
import { countries, countryName, nationalityOptions } from '../../src/domain/reference/countries'
import type { Locale } from '../../src/domain/settings'

const locales: Locale[] = ['fr', 'en']

/** Where the long form is what people say too. */
const longIsCommon: Record<string, string> = { DO: 'République dominicaine' }

/** What an agent types on the nationality list, and the code it must land on, whatever the UI language. */
const typedNames: [string, string][] = [
  ['Taiwan', 'TW'],
  ['Taïwan', 'TW'],
  ['Moldova', 'MD'],
  ['Moldavie', 'MD'],
  ['Tanzanie', 'TZ'],
  ['Tanzania', 'TZ'],
  ['Tchéquie', 'CZ'],
  ['Czechia', 'CZ'],
  ['Czech Republic', 'CZ'],
  ['République tchèque', 'CZ'],
  ['North Macedonia', 'MK'],
  ['Macédoine', 'MK'],
  ['Russia', 'RU'],
  ['Iran', 'IR'],
  ['Laos', 'LA'],
  ['Syria', 'SY'],
  ['Congo', 'CG'],
  ['RDC', 'CD'],
  ['Etats-Unis', 'US'],
  ['United States', 'US'],
  ['Centrafrique', 'CF'],
  ['Central African', 'CF'],
  ['Royaume-Uni', 'GB'],
  ['Cote d’Ivoire', 'CI'],
  ["Cote d'Ivoire", 'CI'],
  ['Ivory Coast', 'CI'],
  ['Turkey', 'TR'],
]

describe('country names', () => {
  it.each(locales)('never names a country by an ISO long or inverted form (%s)', (locale) => {
    for (const { code, label } of countries) {
      const name = label[locale]
      if (longIsCommon[code] === name) continue
      expect(name, code).not.toMatch(/^(République|Republic|The |Royaume d|State of)/)
      expect(name, code).not.toMatch(
        /, (Republic|State|Province|Federated|Plurinational|Bolivarian|Islamic|U\.S\.|British)/,
      )
    }
  })

  it.each(locales)('lands on the right code when a common name is typed on the list (%s)', (locale) => {
    const options = optionsOf(nationalityOptions(locale), locale)
    for (const [typed, code] of typedNames)
      expect(typeaheadPick(options, typed, null)?.value, typed).toBe(code)
  })

  it.each(locales)('lands on every country when its own label is typed in full (%s)', (locale) => {
    const options = optionsOf(nationalityOptions(locale), locale)
    for (const { code, label } of countries)
      expect(typeaheadPick(options, label[locale], null)?.value).toBe(code)
  })

  it.each([
    ['fr', 'Su', 'SE'],
    ['fr', 'Tur', 'TM'],
    ['fr', 'Nor', 'NO'],
    ['fr', 'Royaume', 'GB'],
    ['fr', 'Mo', 'MD'],
    ['en', 'De', 'DK'],
  ] as [Locale, string, string][])(
    'a name starting with the letters comes before another name of a country (%s, %j → %s)',
    (locale, typed, code) => {
      expect(typeaheadPick(optionsOf(nationalityOptions(locale), locale), typed, null)?.value).toBe(code)
    },
  )

  it.each(locales)(
    // Save a country's other name typed in full: "UK" is the United Kingdom, though Ukraine starts so.
    'whenever some name on the list starts with the letters typed, the one picked does too (%s)',
    (locale) => {
      const options = optionsOf(nationalityOptions(locale), locale)
      const folded = options.map((option) => fold(option.label))
      const otherNames = new Set(options.flatMap((option) => (option.typed ?? []).map(fold)))
      for (const { label } of countries)
        for (let end = 1; end <= label[locale].length; end++) {
          const typed = label[locale].slice(0, end)
          if (otherNames.has(fold(typed)) || !folded.some((name) => name.startsWith(fold(typed)))) continue
          const picked = typeaheadPick(options, typed, null)
          expect(picked && fold(picked.label).startsWith(fold(typed)), typed).toBe(true)
        }
    },
  )

  it('writes French names with the typographic apostrophe', () => {
    expect(countryName('CI', 'fr')).toBe('Côte d’Ivoire')
    expect(countries.every(({ label }) => !label.fr.includes("'"))).toBe(true)
  })
})
