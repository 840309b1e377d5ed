import { describe, expect, it } from 'vitest'
import { civilities } from '../../src/domain/reference/civilities'
import {
  countryName,
  countryOptions,
  isCountryCode,
  isNationalityCode,
  nationalityOptions,
} from '../../src/domain/reference/countries'
import { departements, isDepartementCode } from '../../src/domain/reference/departements'
import { familySituations } from '../../src/domain/reference/family-situations'
import { codesOf } from '../../src/domain/reference/labels'

describe('reference lists', () => {
  it('offers the two civilities and the seven family situations of the contract, labelled in both languages', () => {
    expect(codesOf(civilities)).toEqual(['MME', 'M'])
    expect(codesOf(familySituations)).toEqual([
      'CELIBATAIRE',
      'MARIE',
      'PACSE',
      'UNION_LIBRE',
      'DIVORCE',
      'VEUF',
      'SEPARE',
    ])
    for (const item of [...civilities, ...familySituations]) {
      expect(item.label.fr).not.toBe('')
      expect(item.label.en).not.toBe('')
    }
  })

  it('names countries in French and English, overseas regions included', () => {
    expect(countryName('DE', 'fr')).toBe('Allemagne')
    expect(countryName('DE', 'en')).toBe('Germany')
    expect(countryName('RE', 'fr')).toBe('Réunion')
    expect(countryOptions('fr')).toHaveLength(250)
    expect(countryOptions('fr')[0]?.code).toBe('AF')
    // Sorted the French way: Égypte among the E, before Espagne, not after Zimbabwe
    const french = countryOptions('fr').map((c) => c.code)
    expect(french.indexOf('EG')).toBeLessThan(french.indexOf('ES'))
    expect(french.at(-1)).toBe('ZW')
  })

  it('offers stateless and refugee nationalities, but never as an address country', () => {
    const codes = nationalityOptions('fr').map((option) => option.code)
    expect(codes.slice(-4)).toEqual(['XXA', 'XXB', 'XXC', 'XXX'])
    expect(countryName('XXA', 'fr')).toBe('Apatride')
    expect(countryName('XXB', 'en')).toBe('Refugee')
    expect(isNationalityCode('XXA')).toBe(true)
    expect(isCountryCode('XXA')).toBe(false)
    expect(isNationalityCode('FR')).toBe(true)
    expect(isNationalityCode('ZZ')).toBe(false)
  })

  it('lists the 101 départements, Corsica as 2A and 2B, and the overseas collectivities', () => {
    expect(departements.filter((d) => d.kind === 'departement')).toHaveLength(101)
    expect(isDepartementCode('2A')).toBe(true)
    expect(isDepartementCode('20')).toBe(false)
    expect(departements.find((d) => d.code === '974')?.name).toBe('La Réunion')
    expect(departements.find((d) => d.code === '988')?.kind).toBe('collectivite')
  })
})
