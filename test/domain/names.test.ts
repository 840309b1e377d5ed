import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkName } from '../../src/domain/registration/names'
import { sprinkle } from './sprinkle'

describe('names', () => {
  it.each([
    ['Dupont', 'Dupont'],
    ['  Élodie   Marie-Thérèse  ', 'Élodie Marie-Thérèse'],
    ["N'Diaye", "N'Diaye"],
    ['O’Connor', 'O’Connor'],
    ['Müller-Lüdenscheidt', 'Müller-Lüdenscheidt'],
    ['Çelik Şahin', 'Çelik Şahin'],
    ['Nguyễn Thị Minh Khai', 'Nguyễn Thị Minh Khai'],
    ['Фёдор Достоевский', 'Фёдор Достоевский'],
    ['محمد بن سلمان', 'محمد بن سلمان'],
    ['王小明', '王小明'],
    ['देवनागरी', 'देवनागरी'], // combining vowel signs are marks (\p{M})
    ['Ελένη', 'Ελένη'],
    ['김민준', '김민준'],
    ['e\u0301milie', 'émilie'], // decomposed accent is stored composed (NFC)
    ['A', 'A'],
    ['Anne\u2010Marie', 'Anne-Marie'], // Unicode hyphen, as pasted from a PDF
    ['Anne\u2011Marie', 'Anne-Marie'], // non-breaking hyphen (Word)
    ['Jean\u2013Pierre', 'Jean-Pierre'], // en dash (autocorrect)
    ['D\u00B4Angelo', "D'Angelo"], // acute accent typed for an apostrophe
    ['N\u2018Guessan', "N'Guessan"],
    ['a'.repeat(100), 'a'.repeat(100)],
  ])('accepts %j', (typed, value) => {
    expect(checkName(typed)).toEqual({ ok: true, value })
  })

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['Jean2', 'name_chars'],
    ['R2-D2', 'name_chars'],
    ['Jean.Paul', 'name_chars'],
    ['Jean@Paul', 'name_chars'],
    ["'-'", 'name_chars'],
    ['<script>alert(1)</script>', 'markup'],
    ['Jean<b>', 'markup'],
    ['Jean\u0000Paul', 'control_chars'],
    ['Jean\u202EluaP', 'control_chars'],
    ['a'.repeat(101), 'too_long'],
  ])('refuses %j with %s', (typed, code) => {
    expect(checkName(typed)).toEqual({ ok: false, code })
  })

  it('refuses a 10,000-character paste as too long', () => {
    expect(checkName('é'.repeat(10_000))).toEqual({ ok: false, code: 'too_long' })
  })

  it('accepts any name of letters joined by any hyphen or apostrophe look-alike, and stores plain ones', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ]{1,10}$/)
    const joiner = fc.constantFrom(
      ..."-\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D'’\u2018\u00B4\u0060\u2032\uFF07 ",
    )
    fc.assert(
      fc.property(word, fc.array(fc.tuple(joiner, word), { maxLength: 4 }), (first, rest) => {
        const typed = first + rest.map(([join, next]) => join + next).join('')
        const checked = checkName(typed)
        expect(checked.ok).toBe(true)
        if (checked.ok) expect(checked.value).toMatch(/^[\p{L} '’-]+$/u)
      }),
    )
  })

  it.each([
    ['Dupont\u200B', 'Dupont'], // zero-width space
    ['\u200Fمحمد\u200F', 'محمد'], // right-to-left marks around Arabic text
    ['Müller\u00ADLüdenscheidt', 'MüllerLüdenscheidt'], // soft hyphen from a PDF's line break
    ['Jean\u2060Paul', 'JeanPaul'],
  ])('drops the invisible marks a paste brings along in %j', (typed, value) => {
    expect(checkName(typed)).toEqual({ ok: true, value })
  })

  it('reads a name the same with invisible paste marks anywhere in it', () => {
    const mark = fc.constantFrom('\u00AD', '\u061C', '\u200B', '\u200E', '\u200F', '\u2060', '\uFEFF')
    const name = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,8}([ '-][A-Za-zÀ-ÿ]{1,8}){0,3}$/)
    fc.assert(
      fc.property(name, fc.array(fc.tuple(fc.nat(), mark), { maxLength: 4 }), (typed, marks) => {
        const pasted = sprinkle(typed, marks)
        expect(checkName(pasted)).toEqual(checkName(typed))
      }),
    )
  })

  it('keeps a Persian name with its zero-width non-joiner', () => {
    expect(checkName('مهر\u200Cانگیز').ok).toBe(true)
  })
})
