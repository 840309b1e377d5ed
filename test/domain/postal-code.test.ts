import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LA_POSTE_COUNTRIES, checkPostalCode } from '../../src/domain/registration/postal-code'

const laPoste = new Set(['75002', '97400', '13001', '98000'])
const listed = (code: string) => laPoste.has(code)

describe('postal codes', () => {
  it.each([
    ['75002', 'FR', '75002'],
    [' 75 002 ', 'FR', '75002'],
    ['97400', 'RE', '97400'],
    ['98000', 'MC', '98000'],
    ['20000', 'FR', '20000'], // Corse-du-Sud (2A) and Haute-Corse (2B) share the prefix 20
    ['98714', 'PF', '98714'],
    ['SW1A 1AA', 'GB', 'SW1A 1AA'],
    ['sw1a 1aa', 'GB', 'SW1A 1AA'],
    ['10115', 'DE', '10115'],
    ['99999', 'DE', '99999'],
    ['100-0001', 'JP', '100-0001'],
    ['H3Z 2Y7', 'CA', 'H3Z 2Y7'],
    ['1', 'IE', '1'],
    ['ABCDEFGHIJKL', 'NL', 'ABCDEFGHIJKL'],
  ])('accepts %j in %s', (typed, country, value) => {
    expect(checkPostalCode(typed, country)).toEqual({ ok: true, value })
  })

  it.each([
    ['7500', 'FR', 'postal_code_format'],
    ['750021', 'FR', 'postal_code_format'],
    ['75OO2', 'FR', 'postal_code_format'],
    ['974', 'RE', 'postal_code_format'],
    ['99999', 'FR', 'postal_code_department'],
    ['00000', 'FR', 'postal_code_department'],
    ['96100', 'FR', 'postal_code_department'],
    ['97000', 'FR', 'postal_code_department'], // 970 is no overseas département
    ['98500', 'NC', 'postal_code_department'],
    ['99999', 'MC', 'postal_code_department'],
    ['ABCDEFGHIJKLM', 'NL', 'postal_code_format'],
    ['-1234', 'DE', 'postal_code_format'],
    ['12_34', 'DE', 'postal_code_format'],
    ['<b>', 'DE', 'postal_code_format'],
    ['1234\u0000', 'DE', 'postal_code_format'],
    ['', 'FR', 'required'],
  ])('refuses %j in %s with %s', (typed, country, code) => {
    expect(checkPostalCode(typed, country)).toEqual({ ok: false, code })
  })

  it('only warns about a well-formed French code the communes list lacks', () => {
    expect(checkPostalCode('75002', 'FR', listed)).toEqual({ ok: true, value: '75002' })
    expect(checkPostalCode('75099', 'FR', listed)).toEqual({
      ok: true,
      value: '75099',
      warning: 'postal_code_unknown',
    })
    expect(checkPostalCode('99999', 'FR', listed)).toEqual({ ok: false, code: 'postal_code_department' })
    expect(checkPostalCode('99999', 'DE', listed)).toEqual({ ok: true, value: '99999' })
  })

  it('refuses a 10,000-character paste', () => {
    expect(checkPostalCode('1'.repeat(10_000), 'DE')).toEqual({ ok: false, code: 'postal_code_format' })
  })

  it('reads any text the same way for a La Poste country as for France', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), fc.constantFrom(...LA_POSTE_COUNTRIES), (typed, country) => {
        expect(checkPostalCode(typed, country, listed)).toEqual(checkPostalCode(typed, 'FR', listed))
      }),
    )
  })

  it('refuses anything but 5 digits in France with the format code', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 14 }).filter((typed) => !/^\d{5}$/.test(typed.replace(/\s/g, ''))),
        (typed) => {
          const checked = checkPostalCode(typed, 'FR', listed)
          expect(checked.ok).toBe(false)
          if (!checked.ok) expect(checked.code).toBe(typed.trim() === '' ? 'required' : 'postal_code_format')
        },
      ),
    )
  })
})
