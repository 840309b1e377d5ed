import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkEmail } from '../../src/domain/registration/email'

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
  ])('refuses %j with %s', (typed, code) => {
    expect(checkEmail(typed)).toEqual({ ok: false, code })
  })

  it('accepts any valid address with invisible characters pasted anywhere in it, without them', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E')
    const address = fc.emailAddress().filter((email) => email.length <= 254)
    fc.assert(
      fc.property(address, fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 3 }), (email, inserts) => {
        fc.pre(checkEmail(email).ok)
        let typed = email
        for (const [at, char] of inserts) {
          const i = at % (typed.length + 1)
          typed = typed.slice(0, i) + char + typed.slice(i)
        }
        expect(checkEmail(typed)).toEqual(checkEmail(email))
      }),
    )
  })
})
