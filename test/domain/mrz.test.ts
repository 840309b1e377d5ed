import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkDigit } from '../../src/domain/mrz/check-digit'
import { combineLine1, combineLine2 } from '../../src/domain/mrz/combine'
import { passportValidity } from '../../src/domain/mrz/expiry'
import { nationalityFromMrz } from '../../src/domain/mrz/nationality'
import { heldCheckDigits, parseTd3 } from '../../src/domain/mrz/parse'
import { prefillOffers, takenByDefault } from '../../src/domain/mrz/prefill'
import { mrzSpellings, sameNameAsMrz } from '../../src/domain/mrz/transliterate'
import { composeTd3, type PassportData } from '../fixtures/mrz/compose'
import { SPECIMEN_LINES, SPECIMEN as SPECIMEN_DATA } from '../fixtures/mrz/specimen'

const today = new Date('2026-12-01T10:00:00Z')
const SPECIMEN = SPECIMEN_LINES
const GERMAN: [string, string] = [
  'P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<',
  'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4',
]
const swap = (text: string, at: number, char: string) => text.slice(0, at) + char + text.slice(at + 1)

describe('MRZ check digits (ICAO 9303 part 3)', () => {
  it('give the ICAO specimen’s five digits', () => {
    expect(checkDigit('L898902C3')).toBe(6)
    expect(checkDigit('740812')).toBe(2)
    expect(checkDigit('120415')).toBe(9)
    expect(checkDigit('ZE184226B<<<<<')).toBe(1)
    expect(checkDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe(0)
    expect(heldCheckDigits(SPECIMEN[1])).toBe(5)
  })
})

describe('reading a TD3 MRZ', () => {
  it('reads the ICAO specimen, every field and every check digit', () => {
    const reading = parseTd3(...SPECIMEN, today)
    expect(reading).toMatchObject({
      valid: true,
      line1: SPECIMEN[0],
      line2: SPECIMEN[1],
      unreadable: [],
      repaired: [],
      fields: { documentCode: 'P<', ...SPECIMEN_DATA },
    })
    expect(composeTd3(SPECIMEN_DATA)).toEqual(SPECIMEN)
  })

  it('reads Germany’s one-letter code D and an empty personal number with a < check digit', () => {
    const reading = parseTd3(...GERMAN, today)
    expect(reading?.valid).toBe(true)
    expect(reading?.fields).toMatchObject({ nationality: 'D', issuingState: 'D', personalNumber: '' })
  })

  it.each([
    ['95<<<<', 'day and month'],
    ['9503<<', 'day'],
    ['950000', 'day and month, written 00'],
    ['<<<<<<', 'whole date'],
  ])('reads a passport whose birth date is unknown in part (%s: %s), offering no birth date', (yymmdd) => {
    const [l1, l2] = composeTd3(holder)
    const body = `${l2.slice(0, 13)}${yymmdd}${checkDigit(yymmdd)}${l2.slice(20, 43)}`
    const line2 = body + checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))
    const reading = parseTd3(l1, line2, today)
    expect(reading?.valid).toBe(true)
    expect(reading?.fields).toMatchObject({
      lastName: 'DUPONT',
      birthDate: null,
      documentNumber: '12AB34567',
    })
    expect(prefillOffers(reading!.fields, {}).map((o) => o.field)).not.toContain('birthDate')
    // A wrong check digit over the same date is still a misreading.
    const wrong = `${line2.slice(0, 19)}${(checkDigit(yymmdd) + 1) % 10}${line2.slice(20)}`
    expect(parseTd3(l1, wrong, today)?.valid).toBe(false)
  })

  it('refuses lines that are not 44 MRZ characters, or not a passport', () => {
    expect(parseTd3(SPECIMEN[0].slice(1), SPECIMEN[1], today)).toBeNull()
    expect(parseTd3(SPECIMEN[0], `${SPECIMEN[1]}<`, today)).toBeNull()
    expect(parseTd3(SPECIMEN[0].replace('P', 'I'), SPECIMEN[1], today)).toBeNull()
    expect(parseTd3(SPECIMEN[0].toLowerCase(), SPECIMEN[1], today)).toBeNull()
  })

  it('puts a birth year in the century that makes it past, and an expiry in this one', () => {
    const [l1, l2] = composeTd3({ ...holder, birthDate: '2008-03-04', expiryDate: '2031-01-02' })
    expect(parseTd3(l1, l2, today)?.fields).toMatchObject({
      birthDate: '2008-03-04',
      expiryDate: '2031-01-02',
    })
    const [o1, o2] = composeTd3({ ...holder, birthDate: '1930-12-31' })
    expect(parseTd3(o1, o2, today)?.fields.birthDate).toBe('1930-12-31')
  })

  // Each row: where OCR put a look-alike, what it put, and what the field reads once repaired.
  it.each([
    ['issuing state, letter field', 0, 4, '0', { issuingState: 'UTO' }],
    ['name, letter field', 0, 6, '3', null],
    ['name, letter field', 0, 9, '5', { lastName: 'ERIKSSON' }],
    ['nationality, letter field', 1, 12, '0', { nationality: 'UTO' }],
    ['birth date, digit field', 1, 15, 'O', { birthDate: '1974-08-12' }],
    ['birth date, digit field', 1, 13, 'T', { birthDate: '1974-08-12' }],
    ['expiry date, digit field', 1, 22, 'Z', { expiryDate: '2012-04-15' }],
    ['birth check digit', 1, 19, 'Z', { birthDate: '1974-08-12' }],
    ['document number, its check digit decides', 1, 5, 'O', { documentNumber: 'L898902C3' }],
    ['personal number, its check digit decides', 1, 30, '1', { personalNumber: 'ZE184226B' }],
    ['composite check digit', 1, 43, 'O', { documentNumber: 'L898902C3' }],
  ] as const)('repairs a look-alike in the %s (line %i, position %i → %s)', (_, line, at, char, expected) => {
    const lines: [string, string] = [...SPECIMEN]
    lines[line] = swap(lines[line], at, char)
    const reading = parseTd3(...lines, today)
    if (expected === null) {
      // 3 looks like no letter: the name is reported unreadable, not guessed.
      expect(reading?.valid).toBe(false)
      expect(reading?.unreadable).toEqual(expect.arrayContaining(['lastName', 'firstNames']))
      return
    }
    expect(reading?.valid).toBe(true)
    expect(reading?.fields).toMatchObject(expected)
    expect([reading?.line1, reading?.line2]).toEqual(SPECIMEN)
  })

  it('reports a document number unreadable when two look-alike readings both pass its check digit', () => {
    // L89B902C3: both L898902C3 and LB9B902C3 (one B for one 8 either way) pass check digit 6.
    const reading = parseTd3(SPECIMEN[0], swap(SPECIMEN[1], 3, 'B'), today)
    expect(reading?.valid).toBe(false)
    expect(reading?.fields.documentNumber).toBeNull()
    expect(reading?.unreadable).toContain('documentNumber')
  })

  it('reports a wrong digit that is no look-alike as a failed check, never as valid', () => {
    const reading = parseTd3(SPECIMEN[0], swap(SPECIMEN[1], 16, '9'), today)
    expect(reading?.valid).toBe(false)
    expect(reading?.fields.birthDate).toBeNull()
  })

  it('undoes OCR turning the filler run into K and L after the names', () => {
    const reading = parseTd3('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<KLKLLL<<<', SPECIMEN[1], today)
    expect(reading?.line1).toBe(SPECIMEN[0])
    expect(reading?.fields.firstNames).toBe('ANNA MARIA')
  })
})

const holder: PassportData = {
  issuingState: 'FRA',
  lastName: 'DUPONT',
  firstNames: 'JEAN',
  documentNumber: '12AB34567',
  nationality: 'FRA',
  birthDate: '2001-02-03',
  sex: 'M',
  expiryDate: '2030-04-05',
  personalNumber: '',
}

const mrzText = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max })
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const day = (from: number, to: number) =>
  fc
    .date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10))
const passport: fc.Arbitrary<PassportData> = fc.record({
  issuingState: fc.constantFrom('FRA', 'D', 'GBN', 'UTO', 'XXA', 'CHN'),
  lastName: fc.array(mrzText(LETTERS, 1, 10), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  firstNames: fc.array(mrzText(LETTERS, 1, 8), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
  documentNumber: mrzText(`${LETTERS}0123456789`, 1, 9),
  nationality: fc.constantFrom('FRA', 'D', 'GBN', 'UTO', 'XXA', 'RKS'),
  birthDate: day(1927, 2025),
  sex: fc.constantFrom('F', 'M', '<'),
  expiryDate: day(2000, 2099),
  personalNumber: mrzText(`${LETTERS}0123456789`, 0, 14),
})

/** The look-alikes ICAO readers meet, both ways. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  Z: '2',
  '2': 'Z',
  S: '5',
  '5': 'S',
  B: '8',
  '8': 'B',
  G: '6',
  '6': 'G',
}
// In a field of letters and digits, G/6 differ by 10 in value and L/1 by 20, which no weight changes
// modulo 10: such a swap passes the check digit whichever is right, so no parser can see it.
const ALPHANUMERIC = [
  [0, 9],
  [28, 42],
] as const
const invisible = (line: number, at: number, from: string) =>
  line === 1 && ALPHANUMERIC.some(([s, e]) => at >= s && at < e) && (from === 'G' || from === '6')

describe('MRZ properties', () => {
  it('compose then parse gives back every field, valid', () => {
    fc.assert(
      fc.property(passport, (data) => {
        const [l1, l2] = composeTd3(data)
        const reading = parseTd3(l1, l2, today)
        expect(reading?.valid).toBe(true)
        expect(reading?.fields).toMatchObject({
          documentNumber: data.documentNumber,
          nationality: data.nationality,
          birthDate: data.birthDate,
          expiryDate: data.expiryDate,
          sex: data.sex === '<' ? null : data.sex,
          personalNumber: data.personalNumber,
        })
        expect(reading?.fields.lastName).toBe(data.lastName)
      }),
    )
  })

  it('reads an Indian single-name passport as published (Arg0s1080/mrz#1): no primary identifier', () => {
    const reading = parseTd3(
      'P<IND<<AHMADI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'K2578285<7IND5601240F2202288<<<<<<<<<<<<<<<4',
      today,
    )
    expect(reading?.valid).toBe(true)
    expect(reading?.fields).toMatchObject({ lastName: '', firstNames: 'AHMADI', birthDate: '1956-01-24' })
  })

  it('reads a single-name passport, the name in either identifier (<<SURESH or SUKARNO<<), valid', () => {
    const word = mrzText(LETTERS, 1, 12)
    const names = fc.oneof(
      word.map((name) => ({ lastName: '', firstNames: name })),
      word.map((name) => ({ lastName: name, firstNames: '' })),
    )
    fc.assert(
      fc.property(passport, names, (data, name) => {
        const reading = parseTd3(...composeTd3({ ...data, ...name }), today)
        expect(reading?.valid).toBe(true)
        expect(reading?.fields).toMatchObject(name)
      }),
    )
  })

  it('a single look-alike anywhere is repaired or reported, never read silently wrong', () => {
    const cases = passport.chain((data) => {
      const lines = composeTd3(data)
      const spots = lines.flatMap((text, line) =>
        [...text].flatMap((char, at) =>
          LOOK_ALIKES[char] && !invisible(line, at, char) ? [[line, at] as const] : [],
        ),
      )
      return spots.length ? fc.tuple(fc.constant(lines), fc.constantFrom(...spots)) : fc.constant(null)
    })
    fc.assert(
      fc.property(cases, (found) => {
        if (!found) return
        const [lines, [line, at]] = found
        const damaged: [string, string] = [...lines]
        const text = lines[line] ?? ''
        damaged[line] = swap(text, at, LOOK_ALIKES[text[at] ?? ''] ?? '')
        const reading = parseTd3(...damaged, today)
        if (reading?.valid) expect([reading.line1, reading.line2]).toEqual(lines)
        else expect(reading?.unreadable.length ?? 1).toBeGreaterThan(0)
        // Whatever is read is right; what is not right is null.
        const truth = parseTd3(...lines, today)?.fields ?? {}
        for (const [field, value] of Object.entries(reading?.fields ?? {}))
          if (value !== null) expect(value).toBe(truth[field as keyof typeof truth])
      }),
      { numRuns: 300 },
    )
  })
})

describe('nationality codes', () => {
  it.each([
    ['FRA', 'FR'],
    ['D<<', 'DE'],
    ['D', 'DE'],
    ['GBD', 'GB'],
    ['GBN', 'GB'],
    ['GBO', 'GB'],
    ['GBP', 'GB'],
    ['GBS', 'GB'],
    ['XXA', 'XXA'],
    ['XXB', 'XXB'],
    ['XXC', 'XXC'],
    ['XXX', 'XXX'],
    ['UTO', null],
    ['UNO', null],
  ] as const)('%s is %s on the form', (code, expected) => {
    expect(nationalityFromMrz(code)).toBe(expected)
  })

  it('maps Kosovo (RKS, UNK) to XK when the list has it, else leaves the choice to the agent', () => {
    const kosovo = nationalityFromMrz('RKS')
    expect(nationalityFromMrz('UNK')).toBe(kosovo)
    expect([null, 'XK']).toContain(kosovo)
  })
})

describe('ICAO transliteration of typed names', () => {
  it.each([
    ['Müller', ['MUELLER', 'MULLER']],
    ['Gonçalves', ['GONCALVES']],
    ['Strauß', ['STRAUSS']],
    ['Øster-Ålund', ['OESTER<AALUND', 'OESTER<ALUND', 'OSTER<AALUND', 'OSTER<ALUND']],
    ['O’Connor', ['OCONNOR']],
    ['Peña Núñez', ['PENA<NUNEZ', 'PENA<NUNXXEZ', 'PENXXA<NUNEZ', 'PENXXA<NUNXXEZ']],
    ['Hélène', ['HELENE']],
  ])('%s is spelt %j in an MRZ', (typed, spellings) => {
    expect(mrzSpellings(typed).sort()).toEqual([...spellings].sort())
  })

  it('compares a typed accented name with the MRZ’s, never the other way round', () => {
    expect(sameNameAsMrz('Müller', 'MUELLER')).toBe(true)
    expect(sameNameAsMrz('Müller', 'MULLER')).toBe(true)
    expect(sameNameAsMrz('Da Silva', 'DA SILVA')).toBe(true)
    expect(sameNameAsMrz('Dasilva', 'DA SILVA')).toBe(false)
    expect(sameNameAsMrz('Wolfeschlegelsteinhausen', 'WOLFESCHLEGEL', true)).toBe(true)
  })
})

describe('prefill offers', () => {
  const fields = parseTd3(
    ...composeTd3({ ...holder, lastName: 'MUELLER', firstNames: 'JOSE MARIA', sex: 'F' }),
    today,
  )!.fields

  it('fills an empty form, the civility from the sex too, in the form’s order', () => {
    const offers = prefillOffers(fields, {})
    expect(offers.map((o) => [o.field, o.proposed, o.state])).toEqual([
      ['civility', 'MME', 'empty'],
      ['lastName', 'MUELLER', 'empty'],
      ['firstName', 'JOSE', 'empty'],
      ['secondFirstName', 'MARIA', 'empty'],
      ['birthDate', '03/02/2001', 'empty'],
      ['nationality', 'FR', 'empty'],
    ])
    expect(offers.every(takenByDefault)).toBe(true)
    // X (or <) says nothing of Madame or Monsieur: no civility is offered.
    expect(prefillOffers({ ...fields, sex: 'X' }, {}).map((o) => o.field)).not.toContain('civility')
  })

  it('stays quiet where the typed value agrees, accents and date format included', () => {
    const offers = prefillOffers(fields, {
      lastName: 'Müller',
      firstName: 'José',
      secondFirstName: 'María',
      birthDate: '3/2/2001',
      nationality: 'FR',
      civility: 'MME',
    })
    expect(offers).toEqual([])
  })

  it('shows what differs, side by side', () => {
    const offers = prefillOffers(fields, { lastName: 'Miller', birthDate: '02/03/2001', civility: 'M' })
    expect(offers.filter((o) => o.state === 'differs').map((o) => [o.field, o.typed, o.proposed])).toEqual([
      ['civility', 'M', 'MME'],
      ['lastName', 'Miller', 'MUELLER'],
      ['birthDate', '02/03/2001', '03/02/2001'],
    ])
    // What the agent typed stays unless the agent takes the passport's.
    expect(offers.filter(takenByDefault).map((o) => o.state)).toEqual(['empty', 'empty', 'empty'])
  })
})

describe('prefill offers for given names', () => {
  const karl = parseTd3(
    ...composeTd3({ ...holder, lastName: 'MUELLER', firstNames: 'HANS PETER KARL', sex: 'M' }),
    today,
  )!.fields
  const givenOffers = (form: Parameters<typeof prefillOffers>[1]) =>
    prefillOffers(karl, form).filter((o) => /FirstName|firstName/.test(o.field))
  /** The given names the form holds once the offers are applied as they stand (defaults kept). */
  const applied = (form: Record<string, string>) => {
    const after = { ...form }
    for (const o of prefillOffers(karl, form).filter(takenByDefault)) after[o.field] = o.proposed
    return [after.firstName, after.secondFirstName, after.thirdFirstName].filter(Boolean)
  }

  it('stays quiet when the typed given names are the MRZ’s, however the student splits them', () => {
    expect(givenOffers({ firstName: 'Hans-Peter', secondFirstName: 'Karl' })).toEqual([])
    expect(givenOffers({ firstName: 'Hans Peter Karl' })).toEqual([])
    expect(givenOffers({ firstName: 'Hans', secondFirstName: 'Peter', thirdFirstName: 'Karl' })).toEqual([])
  })

  it('never writes a given name twice by default', () => {
    // Before: KARL went into the empty third field by default, beside the typed "Karl".
    expect(applied({ firstName: 'Hans-Peter', secondFirstName: 'Karl' })).toEqual(['Hans-Peter', 'Karl'])
    expect(applied({ firstName: 'Hans-Peter' })).toEqual(['Hans-Peter'])
  })

  it('offers each given name, the typed one kept by default, when they differ', () => {
    const offers = givenOffers({ firstName: 'Hans-Peter' })
    expect(offers.map((o) => [o.field, o.typed, o.proposed, o.state])).toEqual([
      ['firstName', 'Hans-Peter', 'HANS', 'differs'],
      ['secondFirstName', '', 'PETER', 'differs'],
      ['thirdFirstName', '', 'KARL', 'differs'],
    ])
    expect(offers.some(takenByDefault)).toBe(false)
  })

  it('still fills the given names after the ones typed as the MRZ has them, field by field', () => {
    expect(applied({ firstName: 'Hans' })).toEqual(['Hans', 'PETER', 'KARL'])
    expect(applied({ firstName: 'Hans', secondFirstName: 'Peter' })).toEqual(['Hans', 'Peter', 'KARL'])
  })

  it('for any split of the MRZ’s given names typed, offers nothing; an empty form is filled', () => {
    const name = fc.stringMatching(/^[A-Z]{2,8}$/)
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), fc.nat(), (names, cut) => {
        const fields = { ...karl, firstNames: names.join(' ') }
        const at = (cut % names.length) + 1
        const typed = { firstName: names.slice(0, at).join('-'), secondFirstName: names.slice(at).join(' ') }
        const given = (o: { field: string }) => /irstName/.test(o.field)
        expect(prefillOffers(fields, typed).filter(given)).toEqual([])
        expect(prefillOffers(fields, {}).filter(given).every(takenByDefault)).toBe(true)
      }),
    )
  })
})

describe('passport expiry', () => {
  it.each([
    ['2026-11-30', 'expired'],
    ['2026-12-01', 'expires_soon'],
    ['2027-02-28', 'expires_soon'],
    ['2027-03-01', 'valid'],
  ] as const)('a passport expiring on %s is %s on 1 December 2026', (expiry, validity) => {
    expect(passportValidity(expiry, today)).toBe(validity)
  })
})

describe('combining two OCR readings of line 2', () => {
  it('takes each field from the reading where its check digit holds, and is valid only if all hold', () => {
    const truth = SPECIMEN[1]
    const a = swap(truth, 15, '3') // birth date wrong in the first reading
    const b = swap(truth, 23, '7') // expiry wrong in the second
    const mixed = combineLine2([a, b]).map((line) => parseTd3(SPECIMEN[0], line, today))
    expect(mixed.find((reading) => reading?.valid)?.line2).toBe(truth)
    // Both readings wrong in the same field: nothing valid comes out of them.
    const c = swap(truth, 15, '4')
    expect(combineLine2([a, c]).some((line) => parseTd3(SPECIMEN[0], line, today)?.valid)).toBe(false)
  })

  it('takes line 1 from a reading whose names read as letters', () => {
    expect(combineLine1(['P<UTOERIKSS%N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', SPECIMEN[0]])).toBe(SPECIMEN[0])
  })
})
