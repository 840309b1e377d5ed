import { describe, expect, it } from 'vitest'
import { checkPostalCode } from '../../src/domain/registration/postal-code'

const laPoste = new Set(['75002', '97400', '13001'])
const exists = (code: string) => laPoste.has(code)

describe('postal codes', () => {
  it.each([
    ['75002', 'FR', '75002'],
    [' 75 002 ', 'FR', '75002'],
    ['97400', 'RE', '97400'],
    ['98000', 'MC', '98000'],
    ['SW1A 1AA', 'GB', 'SW1A 1AA'],
    ['sw1a 1aa', 'GB', 'SW1A 1AA'],
    ['10115', 'DE', '10115'],
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
    ['ABCDEFGHIJKLM', 'NL', 'postal_code_format'],
    ['-1234', 'DE', 'postal_code_format'],
    ['12_34', 'DE', 'postal_code_format'],
    ['<b>', 'DE', 'postal_code_format'],
    ['1234\u0000', 'DE', 'postal_code_format'],
    ['', 'FR', 'required'],
  ])('refuses %j in %s with %s', (typed, country, code) => {
    expect(checkPostalCode(typed, country)).toEqual({ ok: false, code })
  })

  it('checks a French code against La Poste list when it is given', () => {
    expect(checkPostalCode('75002', 'FR', exists)).toEqual({ ok: true, value: '75002' })
    expect(checkPostalCode('75099', 'FR', exists)).toEqual({ ok: false, code: 'postal_code_unknown' })
    expect(checkPostalCode('99999', 'DE', exists)).toEqual({ ok: true, value: '99999' })
  })

  it('refuses a 10,000-character paste', () => {
    expect(checkPostalCode('1'.repeat(10_000), 'DE')).toEqual({ ok: false, code: 'postal_code_format' })
  })
})
