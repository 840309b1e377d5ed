import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIne } from '../../src/domain/registration/ine'

describe('INE', () => {
  it.each([
    // BEA: letter = "ABCDEFGHJKLMNPRSTUVWXYZ"[first 10 digits mod 23]
    ['1234567890V', 'bea', '1234567890V'], // 1234567890 mod 23 = 18 -> V
    ['0123456789M', 'bea', '0123456789M'], // 123456789 mod 23 = 11 -> M
    ['2004123456L', 'bea', '2004123456L'], // 2004123456 mod 23 = 10 -> L
    ['1999876543b', 'bea', '1999876543B'], // mod 23 = 1 -> B; typed in lower case
    [' 1234 5678 90V ', 'bea', '1234567890V'], // spaces between groups
    // Base 36: key = (6 x sum of c1..c9 + c10) mod 10
    ['1A2B3C4D5E0', 'base36', '1A2B3C4D5E0'], // 1+10+2+11+3+12+4+13+5 = 61; 6x61 + E(14) = 380 -> 0
    ['AB12CD34EF5', 'base36', 'AB12CD34EF5'], // 10+11+1+2+12+13+3+4+14 = 70; 420 + F(15) = 435 -> 5
    ['01234567895', 'base36', '01234567895'], // 0+1+...+8 = 36; 216 + 9 = 225 -> 5
    ['ZZZZZZZZZ11', 'base36', 'ZZZZZZZZZ11'], // 9x35 = 315; 1890 + 1 = 1891 -> 1
    // RNIE: 9 digits + 2 letters of A-H, J, K
    ['223456789HE', 'rnie', '223456789HE'], // 223456789 mod 97 = 23; 97-23 = 74 -> H E (the one known sample)
    ['123456789FJ', 'rnie', '123456789FJ'], // mod 97 = 39; 58 -> F J
    // SIFA (apprentices) and provisional INEs: shape only, no key is known
    ['1234A12345B', 'sifa', '1234A12345B'],
    ['1234d12345z', 'provisoire', '1234D12345Z'],
  ])('accepts %j as %s', (typed, kind, value) => {
    expect(checkIne(typed)).toEqual({ ok: true, kind, value })
  })

  it('accepts an RNIE whose key the unverified rule does not give, with a warning', () => {
    // 123456789 -> FJ by the hypothesis; AA is a well-formed key the operator should double-check
    expect(checkIne('123456789AA')).toEqual({
      ok: true,
      kind: 'rnie',
      value: '123456789AA',
      warning: 'rnie_key_unverified',
    })
  })

  it.each([
    ['1234567890A', 'ine_key'], // BEA key should be V
    ['1234567890I', 'ine_key'], // I, O, Q are never keys
    ['1234567890Q', 'ine_key'],
    ['1111111111Q', 'ine_identical_digits'],
    ['0000000000A', 'ine_identical_digits'],
    ['11111111111', 'ine_identical_digits'], // base 36 shape, 10 identical digits
    ['1A2B3C4D5E1', 'ine_key'], // base 36 key should be 0
    ['AAAAAAAAAA1', 'ine_format'], // base 36 shape but letters only
    ['123456789ZZ', 'ine_format'], // RNIE letters are A-H, J, K
    ['123456789IA', 'ine_format'],
    ['1234567890', 'ine_format'], // 10 characters
    ['1234567890VV', 'ine_format'], // 12 characters
    ['12345-6789A', 'ine_format'],
    ['', 'ine_format'],
    ['<script>alert(1)</script>', 'ine_format'],
    ['1234567890V\u0000', 'ine_format'],
  ])('refuses %j with %s', (typed, code) => {
    expect(checkIne(typed)).toEqual({ ok: false, code })
  })

  it('refuses a 10,000-character paste', () => {
    expect(checkIne('9'.repeat(10_000))).toEqual({ ok: false, code: 'ine_format' })
  })

  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`))
  const KEYS = 'ABCDEFGHJKLMNPRSTUVWXYZ'
  /** The INE as a student may read it out: lower case, groups of spaces anywhere. */
  const asTyped = (ine: string, spaces: number[]) =>
    spaces.reduce((text, at) => `${text.slice(0, at % 12)} ${text.slice(at % 12)}`, ine.toLowerCase())

  it('takes every BEA INE with its mod-23 key, however typed, and refuses every other letter', () => {
    fc.assert(
      fc.property(
        digits(10),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.constantFrom(...KEYS),
        (body, spaces, other) => {
          fc.pre(!/^(\d)\1{9}$/.test(body))
          const key = KEYS[Number(BigInt(body) % 23n)]
          expect(checkIne(asTyped(body + key, spaces))).toEqual({ ok: true, kind: 'bea', value: body + key })
          if (other !== key) expect(checkIne(body + other)).toEqual({ ok: false, code: 'ine_key' })
        },
      ),
    )
  })

  it('takes every base-36 INE with its key, however typed, and refuses every other digit', () => {
    const char = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 10, maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.nat(9),
        (chars, spaces, other) => {
          const body = chars.join('')
          fc.pre(!/^(\d)\1{9}$/.test(body) && !/^[A-Z]{10}$/.test(body))
          const values = chars.map((c) => parseInt(c, 36))
          const sum = 6 * values.slice(0, 9).reduce((a, b) => a + b, 0) + (values[9] ?? 0)
          const key = String(sum % 10)
          expect(checkIne(asTyped(body + key, spaces))).toEqual({
            ok: true,
            kind: 'base36',
            value: body + key,
          })
          if (String(other) !== key)
            expect(checkIne(body + String(other))).toEqual({ ok: false, code: 'ine_key' })
        },
      ),
    )
  })
})
