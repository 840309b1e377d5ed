import type { Check } from './check'
import { fail } from './check'

export const MIN_STUDENT_AGE = 15
export const MAX_STUDENT_AGE = 100

/** JJ/MM/AAAA with /, - or . (one-digit day or month allowed), 8 bare digits JJMMAAAA, or ISO AAAA-MM-JJ. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const BARE = /^(\d{2})(\d{2})(\d{4})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The ISO date ("1999-08-12") of a date typed the French way, or null if it is not a calendar date. */
export function parseBirthDate(input: string): string | null {
  const text = input.trim()
  const iso = ISO.exec(text)
  const dayFirst = DAY_FIRST.exec(text) ?? BARE.exec(text)
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]].map(Number)
      : []
  if (year === undefined || month === undefined || day === undefined) return null
  // Date rolls 31/02 over to 3 March: a date exists only if it survives the round trip.
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** An ISO date as the form shows it and its hint asks for it: JJ/MM/AAAA. */
export const dayFirst = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** Full years between an ISO birth date and the desk's calendar day `now`. */
export function ageOn(isoBirthDate: string, now: Date): number {
  const [year = 0, month = 0, day = 0] = isoBirthDate.split('-').map(Number)
  const hadBirthday = now.getMonth() + 1 > month || (now.getMonth() + 1 === month && now.getDate() >= day)
  return now.getFullYear() - year - (hadBirthday ? 0 : 1)
}

/** A student's birth date: a real date, and an age between 15 and 100 on the capture day. */
export function checkBirthDate(input: string, now: Date = new Date()): Check {
  const iso = parseBirthDate(input)
  if (!iso) return fail('date_invalid')
  const age = ageOn(iso, now)
  if (age < MIN_STUDENT_AGE || age > MAX_STUDENT_AGE) return fail('age_implausible')
  return { ok: true, value: iso }
}
