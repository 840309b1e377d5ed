import { describe, expect, it } from 'vitest'
import { optionsOf } from '../../src/components/form/options'
import { typeaheadPick } from '../../src/components/form/typeahead'
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

  it('writes French names with the typographic apostrophe', () => {
    expect(countryName('CI', 'fr')).toBe('Côte d’Ivoire')
    expect(countries.every(({ label }) => !label.fr.includes("'"))).toBe(true)
  })
})
