import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cityForPostcode } from '../../src/domain/registration/city-for-postcode'

const commune = fc.stringMatching(/^[A-Z][A-Z -]{1,20}[A-Z]$/)
const communes = fc.uniqueArray(commune, { maxLength: 5 })

describe('the city beside a corrected postal code', () => {
  it('follows the code when it was the previous code’s commune', () => {
    expect(cityForPostcode('PARIS 05', ['PARIS 05'], ['MARSEILLE 01'])).toBe('MARSEILLE 01')
    // Typed in lower case, it is still that commune.
    expect(cityForPostcode('paris 05', ['PARIS 05'], ['MARSEILLE 01'])).toBe('MARSEILLE 01')
  })

  it('is emptied for a code of several communes, so the agent picks one', () => {
    expect(cityForPostcode('PARIS 05', ['PARIS 05'], ['SAINT-DENIS', 'LA PLAINE'])).toBe('')
  })

  it('stays beside a code the list does not know, which says nothing about the city', () => {
    expect(cityForPostcode('PARIS 05', ['PARIS 05'], [])).toBeUndefined()
  })

  it('fills an empty city with the only commune, and leaves it empty otherwise', () => {
    expect(cityForPostcode('', [], ['PARIS 05'])).toBe('PARIS 05')
    expect(cityForPostcode(null, ['PARIS 05'], ['SAINT-DENIS', 'LA PLAINE'])).toBeUndefined()
  })

  it('keeps a commune the new code also has', () => {
    expect(cityForPostcode('LA PLAINE', ['LA PLAINE', 'X'], ['SAINT-DENIS', 'LA PLAINE'])).toBeUndefined()
  })

  it('never touches a city the agent typed that is not a commune of the previous code', () => {
    fc.assert(
      fc.property(commune, communes, communes, (city, before, found) => {
        fc.pre(!before.includes(city))
        expect(cityForPostcode(city, before, found)).toBeUndefined()
      }),
    )
  })

  it('never leaves a previous code’s commune beside a listed code that does not have it', () => {
    fc.assert(
      fc.property(communes, communes, fc.nat(), (before, found, pick) => {
        fc.pre(before.length > 0)
        const city = before[pick % before.length]!
        const after = cityForPostcode(city, before, found)
        if (found.includes(city) || found.length === 0) expect(after).toBeUndefined()
        else expect(after === '' || found.includes(after ?? '')).toBe(true)
      }),
    )
  })
})
