import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPhone, readNational } from '../../src/domain/registration/phone'

describe('phone numbers', () => {
  it.each([
    // typed, contact's country, E.164
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['07.81.23.45.67', 'FR', '+33781234567'],
    ['+33 6 12 34 56 78', 'DE', '+33612345678'],
    ['0033612345678', 'FR', '+33612345678'],
    ['0692 12 34 56', 'RE', '+262692123456'], // Réunion mobile, Réunion rules
    ['0692123456', 'FR', '+262692123456'], // a Réunion mobile dialled from the mainland
    ['06 12 34 56 78', 'RE', '+33612345678'], // a mainland mobile dialled from Réunion
    ['0690 12 34 56', 'GP', '+590690123456'],
    ['0639 01 23 45', 'YT', '+262639012345'],
    ['0696 12 34 56', 'MQ', '+596696123456'],
    ['0694 12 34 56', 'GF', '+594694123456'],
    ['87 12 34 56', 'PF', '+68987123456'],
    ['75 12 34', 'NC', '+687751234'],
    ['01512 3456789', 'DE', '+4915123456789'],
    ['(201) 555-0123', 'US', '+12015550123'], // US numbers may be either: accepted as a mobile
    ['138 1234 5678', 'CN', '+8613812345678'],
    ['06 12 34 56 78', 'MA', '+212612345678'],
    ['77 123 45 67', 'SN', '+221771234567'],
  ])('reads mobile %j for a contact in %s as %s', (typed, country, e164) => {
    expect(checkPhone(typed, country, 'mobile')).toEqual({ ok: true, value: e164 })
  })

  it.each([
    ['01 23 45 67 89', 'FR', '+33123456789'],
    ['0262 21 23 45', 'RE', '+262262212345'],
    ['0590 20 12 34', 'GP', '+590590201234'],
    ['030 123456', 'DE', '+4930123456'],
    ['(201) 555-0123', 'US', '+12015550123'],
  ])('reads landline %j for a contact in %s as %s', (typed, country, e164) => {
    expect(checkPhone(typed, country, 'landline')).toEqual({ ok: true, value: e164 })
  })

  it.each([
    ['01 23 45 67 89', 'FR', 'mobile', 'phone_not_mobile'],
    ['030 123456', 'DE', 'mobile', 'phone_not_mobile'],
    ['0262 21 23 45', 'RE', 'mobile', 'phone_not_mobile'],
    ['06 12 34 56 78', 'FR', 'landline', 'phone_not_landline'],
    ['06 12 34 56', 'FR', 'mobile', 'phone_invalid'], // 8 digits
    ['12345', 'DE', 'any', 'phone_invalid'],
    ['0612345678', null, 'any', 'phone_invalid'], // national number without a country
    ['06 12 34 56 78 ext. 12', 'FR', 'mobile', 'phone_extension'],
    ['<script>alert(1)</script>', 'FR', 'any', 'phone_invalid'],
    ['06 12 34 56 78\u0000', 'FR', 'mobile', 'control_chars'],
    ['', 'FR', 'mobile', 'required'],
  ] as const)('refuses %j (%s, %s) with %s', (typed, country, expected, code) => {
    expect(checkPhone(typed, country, expected)).toEqual({ ok: false, code })
  })

  it('refuses a 10,000-character paste as too long', () => {
    expect(checkPhone('6'.repeat(10_000), 'FR', 'mobile')).toEqual({ ok: false, code: 'too_long' })
  })

  it('reads an international number whatever the country, even an unknown one', () => {
    expect(checkPhone('+221 77 123 45 67', 'ZZ')).toEqual({ ok: true, value: '+221771234567' })
  })

  it('never reads a number typed in France as Saint-Pierre-et-Miquelon, which has its own plan (+508)', () => {
    // 6 digits: a French mobile typed short. Read with SPM's plan it became +508 55 12 34.
    expect(checkPhone('55 12 34', 'FR', 'mobile')).toEqual({ ok: false, code: 'phone_invalid' })
    expect(checkPhone('041 12 34', 'FR', 'any')).toEqual({ ok: false, code: 'phone_invalid' })
    expect(checkPhone('55 12 34', 'PM', 'mobile')).toEqual({ ok: true, value: '+508551234' })
  })

  it('reads every national number accepted for a contact in France as one of the French plan: 0 and 9 digits', () => {
    // (00 would be the international prefix: 00 252... is Somalia, rightly.)
    const frenchPlan = /^\+(33|262|590|594|596|269)\d{9}$/
    fc.assert(
      fc.property(fc.stringMatching(/^0?[1-9]\d{3,10}$/), (typed) => {
        const checked = checkPhone(typed, 'FR')
        if (checked.ok) expect(checked.value).toMatch(frenchPlan)
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    // typed, contact's country, shown as sent
    ['06 61 23 45 67', 'FR', '+33 6 61 23 45 67', 'FR'], // also a Moroccan or Dutch mobile
    ['079 123 45 67', 'FR', '+33 7 91 23 45 67', 'FR'], // a Swiss mobile, misread
    ['079 123 45 67', 'CH', '+41 79 123 45 67', 'CH'],
    ['06 61 23 45 67', 'MA', '+212 6 61 23 45 67', 'MA'],
    ['0692 12 34 56', 'FR', '+262 692 12 34 56', 'RE'],
  ])(
    'shows %s typed for a contact in %s as %s (%s), the number it will send',
    (typed, country, shown, reached) => {
      expect(readNational(typed, country)).toEqual({ number: shown, country: reached })
    },
  )

  it('shows nothing for a number typed with its code, an incomplete one or one without a country', () => {
    expect(readNational('+212 6 61 23 45 67', 'FR')).toBeUndefined()
    expect(readNational('00212 6 61 23 45 67', 'FR')).toBeUndefined()
    expect(readNational(' 0041791234567', 'FR')).toBeUndefined()
    expect(readNational('06 61', 'FR')).toBeUndefined()
    expect(readNational('06 61 23 45 67', null)).toBeUndefined()
  })

  it('shows exactly the number checkPhone sends, for any national number in any country', () => {
    const countries = ['FR', 'MA', 'DZ', 'CH', 'NL', 'RE', 'US', 'SN', 'VN', 'PM']
    fc.assert(
      fc.property(
        fc.stringMatching(/^0?[1-9][\d ]{3,12}$/),
        fc.constantFrom(...countries),
        (typed, country) => {
          const reading = readNational(typed, country)
          const checked = checkPhone(typed, country)
          expect(reading?.number.replace(/[ -]/g, '')).toBe(checked.ok ? checked.value : undefined)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
