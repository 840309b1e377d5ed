import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { optionsOf } from '../../src/components/form/options'
import { typeaheadPick } from '../../src/components/form/typeahead'
import { civilities } from '../../src/domain/reference/civilities'
import { familySituations } from '../../src/domain/reference/family-situations'

const locales = ['fr', 'en'] as const
const lists = locales.flatMap((locale) => [
  optionsOf(civilities, locale),
  optionsOf(familySituations, locale),
])

/** Every word that stands for an option of a list: its label and its other words. */
const words = lists.flatMap((options) =>
  options.flatMap((option) =>
    [option.label, ...(option.typed ?? [])].map((word) => ({ options, option, word })),
  ),
)

const pick = (locale: 'fr' | 'en', typed: string, current: string | null = null) =>
  typeaheadPick(optionsOf(civilities, locale), typed, current)?.value

describe('type-ahead on a closed list', () => {
  it('picks the option of any of its words typed in full, in any case, in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...words.filter(({ word }) => word.length > 1)),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        ({ options, option, word }, upper) => {
          const typed = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('')
          expect(typeaheadPick(options, typed, null)?.value).toBe(option.value)
        },
      ),
    )
  })

  it('reads what English and French speakers type for a title, the value staying MME or M', () => {
    expect(['Mrs', 'Miss', 'Ms', 'mrs', 'MISS', 'Mi', 'Mme', 'Mlle'].map((t) => pick('en', t))).toEqual(
      Array(8).fill('MME'),
    )
    expect(['Madame', 'Ma', 'Mme', 'Mrs'].map((t) => pick('fr', t))).toEqual(Array(4).fill('MME'))
    expect(['Mr', 'MR', 'M.', 'Monsieur', 'Mo'].map((t) => pick('fr', t))).toEqual(Array(5).fill('M'))
    // Typed on, past the word: the list stays where the word put it.
    expect(pick('en', 'Mrsx')).toBeUndefined()
  })

  it('steps through the options a single letter starts, from the one shown, as the browser does', () => {
    expect(pick('fr', 'm')).toBe('MME')
    expect(pick('fr', 'm', 'MME')).toBe('M')
    expect(pick('fr', 'M', 'M')).toBe('MME')
    expect(pick('fr', 'x', 'M')).toBeUndefined()
    const situations = optionsOf(familySituations, 'fr')
    expect(typeaheadPick(situations, 'd', null)?.label).toBe('Divorcé(e)')
  })

  it('reads letters without their accents, as people type them on a list', () => {
    const situations = optionsOf(familySituations, 'fr')
    expect(typeaheadPick(situations, 'celib', null)?.value).toBe('CELIBATAIRE')
    expect(typeaheadPick(situations, 'séparé', null)?.value).toBe('SEPARE')
  })
})
