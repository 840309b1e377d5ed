import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ageOn, checkBirthDate, parseBirthDate } from '../../src/domain/registration/birth-date'

const captureDay = new Date(2026, 8, 2) // 2 September 2026, the desk's calendar day

describe('birth dates', () => {
  it.each([
    ['12/08/1999', '1999-08-12'],
    ['12-08-1999', '1999-08-12'],
    ['12.08.1999', '1999-08-12'],
    ['12081999', '1999-08-12'],
    ['2/8/1999', '1999-08-02'],
    [' 12/08/1999 ', '1999-08-12'],
    ['1999-08-12', '1999-08-12'], // stored values come back in ISO
    ['29/02/2004', '2004-02-29'],
  ])('reads %j as %s', (typed, iso) => {
    expect(parseBirthDate(typed)).toBe(iso)
    expect(checkBirthDate(typed, captureDay)).toEqual({ ok: true, value: iso })
  })

  it.each([
    '31/02/2000',
    '29/02/2003',
    '31/04/2000',
    '00/01/2000',
    '12/13/1999',
    '1208199',
    '12/08/99',
    '1999/08/12',
    'hier',
    '',
    '<script>',
    '12/08/1999\u0000',
  ])('refuses %j as not a date', (typed) => {
    expect(checkBirthDate(typed, captureDay)).toEqual({ ok: false, code: 'date_invalid' })
  })

  it.each([
    ['02/09/2016', 'a 10-year-old'],
    ['03/09/2011', 'one day short of 15'],
    ['01/09/1925', '101 years old'],
    ['01/01/2030', 'not born yet'],
  ])('refuses %j (%s) as implausible for a student', (typed) => {
    expect(checkBirthDate(typed, captureDay)).toEqual({ ok: false, code: 'age_implausible' })
  })

  it('counts full years on the capture day', () => {
    expect(ageOn('2011-09-02', captureDay)).toBe(15)
    expect(ageOn('2011-09-03', captureDay)).toBe(14)
    expect(checkBirthDate('02/09/2011', captureDay)).toEqual({ ok: true, value: '2011-09-02' })
    expect(checkBirthDate('03/09/2011', captureDay)).toEqual({ ok: false, code: 'age_implausible' })
    expect(checkBirthDate('02/09/2016', captureDay)).toEqual({ ok: false, code: 'age_implausible' })
    expect(checkBirthDate('02/09/1926', captureDay)).toEqual({ ok: true, value: '1926-09-02' })
    expect(checkBirthDate('01/09/1925', captureDay)).toEqual({ ok: false, code: 'age_implausible' })
  })

  it('reads every calendar date in each accepted writing, and takes it exactly from the 15th to the 101st birthday', () => {
    const day = (from: number, to: number) =>
      fc.date({ min: new Date(from, 0, 1), max: new Date(to, 11, 31), noInvalidDate: true })
    fc.assert(
      fc.property(day(1900, 2030), day(2000, 2060), (born, capture) => {
        const [y, m, d] = [born.getFullYear(), born.getMonth() + 1, born.getDate()]
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        const [dd, mm] = [iso.slice(8, 10), iso.slice(5, 7)]
        for (const typed of [`${dd}/${mm}/${y}`, `${d}/${m}/${y}`, `${dd}.${mm}.${y}`, `${dd}${mm}${y}`, iso])
          expect(parseBirthDate(typed)).toBe(iso)
        // Birthdays as the calendar has them: 29 February's falls on 1 March in a common year.
        const today = new Date(capture.getFullYear(), capture.getMonth(), capture.getDate())
        const birthday = (age: number) => new Date(y + age, m - 1, d)
        const student = birthday(15) <= today && today < birthday(101)
        expect(checkBirthDate(`${dd}/${mm}/${y}`, capture).ok).toBe(student)
      }),
      { numRuns: 3000 },
    )
  })
})
