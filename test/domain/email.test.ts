import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkEmail, normaliseEmail } from '../../src/domain/registration/email'
import { sprinkle } from './sprinkle'

describe('e-mail addresses', () => {
  it.each([
    ['A.B+tag@Example.COM ', 'a.b+tag@example.com'],
    ['\tlan@example.fr\n', 'lan@example.fr'],
    ['lan@example.fr\u200B', 'lan@example.fr'], // zero-width space a paste brings along
    ['\uFEFFlan@example.fr', 'lan@example.fr'], // BOM from a copied file
    ['lan\u00ADnguyen@example.fr', 'lannguyen@example.fr'], // soft hyphen, invisible
    ['anna@münchen.de', 'anna@xn--mnchen-3ya.de'], // as Chromium's e-mail field gives it
    ['Anna@Université.FR', 'anna@xn--universit-j4a.fr'],
    ['anna@xn--mnchen-3ya.de', 'anna@xn--mnchen-3ya.de'],
    ['\u212Aim@example.fr', 'kim@example.fr'], // Kelvin sign: NFKC makes it the K it looks like
    ['ｋｉｍ＠ｅｘａｍｐｌｅ.ｆｒ', 'kim@example.fr'], // full-width, from an Asian keyboard layout
  ])('accepts %j as %j', (typed, value) => {
    expect(checkEmail(typed)).toEqual({ ok: true, value })
  })

  it.each([
    ['anna@b.fr:80', 'email_invalid'],
    ['anna@münchen.de/x', 'email_invalid'],
    ['étudiant@example.fr', 'email_invalid'],
    ['anna@', 'email_invalid'],
    ['anna', 'email_invalid'],
    ['anna @example.fr', 'email_invalid'],
    ['', 'required'],
    // Shown as jean@gmail.com, sent as jean@moc.liamg: direction controls disguise an address.
    ['jean@\u202Emoc.liamg', 'email_invalid'],
    ['jean@\u202Dgmail.com', 'email_invalid'],
    ['\u2066jean@gmail.com\u2069', 'email_invalid'],
    ['jean@gm\u2067ail.com', 'email_invalid'],
    ['jean\u202A@gmail.com', 'email_invalid'],
    ['jean\u200D@gmail.com', 'email_invalid'], // ZWJ is not a paste mark: it would join letters
  ])('refuses %j with %s', (typed, code) => {
    expect(checkEmail(typed)).toEqual({ ok: false, code })
  })

  it('accepts any valid address with invisible characters pasted anywhere in it, without them', () => {
    const invisible = fc.constantFrom('\u200B', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u061C')
    const address = fc.emailAddress().filter((email) => email.length <= 254)
    fc.assert(
      fc.property(address, fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 3 }), (email, inserts) => {
        fc.pre(checkEmail(email).ok)
        const typed = sprinkle(email, inserts)
        expect(checkEmail(typed)).toEqual(checkEmail(email))
      }),
    )
  })

  it('what the receipt shows is what is sent, and no accepted address holds a direction control', () => {
    const tricky = fc.constantFrom(
      ...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200B\u200C\u200D\u200E\u200F\u061C\u2060\uFEFF\u00AD\u212A\u212B\u0130\uFF20\uFF2B\u00E9 '.split(
        '',
      ),
    )
    const address = fc.oneof(fc.emailAddress(), fc.string({ unit: 'grapheme-ascii' }))
    fc.assert(
      fc.property(address, fc.array(fc.tuple(fc.nat(), tricky), { maxLength: 4 }), (email, inserts) => {
        const typed = sprinkle(email, inserts)
        const checked = checkEmail(typed)
        if (!checked.ok) return
        expect(checked.value).toBe(normaliseEmail(typed))
        expect(checked.value).toMatch(/^[\x21-\x7e]+$/)
        expect(typed).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
      }),
      { numRuns: 2000 },
    )
  })
})
