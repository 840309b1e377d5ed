import { alphanumericCandidates } from './alphanumeric'
import { checks } from './check-digit'
import { birthDateFromMrz, expiryDateFromMrz } from './dates'
import { asDigits, asLetters } from './look-alikes'
import { COMPOSITE_CHECK, compositeText, TD3_LENGTH, td3 } from './td3'

export type MrzSex = 'F' | 'M' | 'X'

/** The fields of a passport's MRZ; null when unreadable (or, for sex, unspecified). */
export interface MrzFields {
  documentCode: string | null
  issuingState: string | null
  lastName: string | null
  firstNames: string | null
  documentNumber: string | null
  nationality: string | null
  /** YYYY-MM-DD; null also when the passport says the day or month is unknown (see unknownDate) */
  birthDate: string | null
  sex: MrzSex | null
  /** YYYY-MM-DD */
  expiryDate: string | null
  personalNumber: string | null
}

export type MrzField = keyof MrzFields

export interface MrzReading {
  format: 'TD3'
  /** The two lines once repaired; exact only when `valid`. */
  line1: string
  line2: string
  fields: MrzFields
  /** Fields that could not be read with certainty (their value is null). */
  unreadable: MrzField[]
  /** Fields in which look-alike characters were set right by the field's type or check digit. */
  repaired: MrzField[]
  /** Every check digit holds and every field reads. */
  valid: boolean
}

const LINE = /^[A-Z0-9<]{44}$/

const slice = (line: string, field: { start: number; end: number }) => line.slice(field.start, field.end)

/**
 * Reads a TD3 (passport) MRZ from two 44-character lines as OCR gave them, or null when they are not
 * that shape. Each field is repaired by its type: digits in dates and check digits, letters in names,
 * codes and sex; a document or personal number (letters and digits) only where its check digit picks
 * one reading. What cannot be decided is reported unreadable, never guessed.
 */
export function parseTd3(rawLine1: string, rawLine2: string, today: Date): MrzReading | null {
  if (!LINE.test(rawLine1) || !LINE.test(rawLine2) || rawLine1[0] !== 'P') return null
  const unreadable = new Set<MrzField>()
  const repaired = new Set<MrzField>()
  const line1 = [...rawLine1]
  const line2 = [...rawLine2]
  const put = (line: string[], start: number, text: string) => line.splice(start, text.length, ...text)

  const letters = (field: MrzField, line: string[], where: { start: number; end: number }) => {
    const read = slice(line.join(''), where)
    const fixed = asLetters(read)
    if (fixed === null) unreadable.add(field)
    else if (fixed !== read) {
      repaired.add(field)
      put(line, where.start, fixed)
    }
    return fixed
  }
  const digits = (field: MrzField, start: number, end: number) => {
    const read = line2.slice(start, end).join('')
    const fixed = asDigits(read)
    if (fixed === null) unreadable.add(field)
    else if (fixed !== read) {
      repaired.add(field)
      put(line2, start, fixed)
    }
    return fixed
  }

  const documentCode = letters('documentCode', line1, td3.documentCode)
  const issuingState = letters('issuingState', line1, td3.issuingState)
  const names = readNames(rawLine1.slice(td3.name.start))
  if (names === null) {
    unreadable.add('lastName')
    unreadable.add('firstNames')
  } else {
    if (names.text !== rawLine1.slice(td3.name.start)) {
      repaired.add('lastName')
      repaired.add('firstNames')
    }
    put(line1, td3.name.start, names.text)
  }
  const nationality = letters('nationality', line2, td3.nationality)
  const sexRead = letters('sex', line2, td3.sex)

  const birthUnknown = unknownDate(rawLine2.slice(td3.birthDate.start, td3.birthDate.check + 1))
  const birth = birthUnknown ? null : digits('birthDate', td3.birthDate.start, td3.birthDate.check + 1)
  const expiry = digits('expiryDate', td3.expiryDate.start, td3.expiryDate.check + 1)
  const birthOk = birth !== null && checks(birth.slice(0, 6), birth.slice(6))
  const expiryOk = expiry !== null && checks(expiry.slice(0, 6), expiry.slice(6))
  const birthDate = birthOk ? birthDateFromMrz(birth.slice(0, 6), today) : null
  const expiryDate = expiryOk ? expiryDateFromMrz(expiry.slice(0, 6)) : null
  if (birthDate === null && !birthUnknown) unreadable.add('birthDate')
  if (expiryDate === null) unreadable.add('expiryDate')

  const { documentNumber: doc, personalNumber: personal } = td3
  const docChoices = alphanumericCandidates(rawLine2.slice(doc.start, doc.end), rawLine2[doc.check] ?? '')
  const personalRead = rawLine2.slice(personal.start, personal.end)
  const personalDigit = rawLine2[personal.check] ?? ''
  // An empty personal number may carry `<` for its check digit (ICAO 9303 part 4, 4.2.2).
  const personalChoices =
    /^<+$/.test(personalRead) && (personalDigit === '<' || personalDigit === '0')
      ? [personalRead]
      : alphanumericCandidates(personalRead, personalDigit)

  // The composite check digit weighs each number as its own check digit does, so it cannot choose
  // between two readings that both pass: a number with several readings is unreadable.
  const [docChoice] = docChoices.length === 1 ? docChoices : []
  const [personalChoice] = personalChoices.length === 1 ? personalChoices : []
  if (docChoice === undefined) unreadable.add('documentNumber')
  else {
    if (docChoice !== rawLine2.slice(doc.start, doc.end)) repaired.add('documentNumber')
    put(line2, doc.start, docChoice)
    put(line2, doc.check, asDigits(rawLine2[doc.check] ?? '') ?? '')
  }
  if (personalChoice === undefined) unreadable.add('personalNumber')
  else {
    if (personalChoice !== personalRead) repaired.add('personalNumber')
    put(line2, personal.start, personalChoice)
    if (personalDigit !== '<') put(line2, personal.check, asDigits(personalDigit) ?? '')
  }
  const composite = asDigits(rawLine2[COMPOSITE_CHECK] ?? '')
  if (composite !== null) put(line2, COMPOSITE_CHECK, composite)
  const documentNumber = docChoice?.replace(/<+$/, '') || null
  const personalNumber = personalChoice?.replace(/<+$/, '') ?? null
  if (documentNumber === null) unreadable.add('documentNumber')

  const sex = sexRead === 'F' || sexRead === 'M' || sexRead === 'X' ? sexRead : null
  if (sexRead !== null && sex === null && sexRead !== '<') unreadable.add('sex')

  const text2 = line2.join('')
  const compositeOk = composite !== null && checks(compositeText(text2), composite)
  const fields: MrzFields = {
    documentCode,
    issuingState: issuingState && issuingState.replace(/<+$/, ''),
    lastName: names?.lastName ?? null,
    firstNames: names?.firstNames ?? null,
    documentNumber: documentNumber || null,
    nationality: nationality && nationality.replace(/<+$/, ''),
    birthDate,
    sex,
    expiryDate,
    personalNumber,
  }
  for (const field of unreadable) fields[field] = null
  return {
    format: 'TD3',
    line1: line1.join(''),
    line2: text2,
    fields,
    unreadable: [...unreadable],
    repaired: [...repaired].filter((field) => !unreadable.has(field)),
    valid: unreadable.size === 0 && compositeOk,
  }
}

/**
 * A birth date the issuing state does not know in full: the unknown day or month is written with
 * fillers `<`, or 00 (Swiss passports print 00 00 68: whatwg/html#3767), and its check digit holds over
 * them as written. That is a date the passport does not give, not a misreading: the rest still reads.
 */
function unknownDate(withCheck: string): boolean {
  const [, , month, day] = /^(\d\d|<<)(\d\d|<<)(\d\d|<<)$/.exec(withCheck.slice(0, 6)) ?? []
  if (month === undefined || day === undefined) return false
  const unknown = (part: string) => part === '<<' || part === '00'
  return (unknown(month) || unknown(day)) && checks(withCheck.slice(0, 6), withCheck.slice(6))
}

/**
 * The name zone: PRIMARY<<SECONDARY<NAMES then fillers. Digits are letters misread; anything after the
 * first `<<<` is filler (a name never holds three), which undoes OCR reading a run of `<` as K or L.
 * A holder with one name has it as the primary identifier (SUKARNO<<), or, on some states' passports
 * (India's, for one), as the secondary one after an empty primary (<<SURESH).
 */
function readNames(zone: string): { text: string; lastName: string; firstNames: string } | null {
  const end = zone.indexOf('<<<', zone.startsWith('<<') ? 2 : 0)
  const kept = end === -1 ? zone : zone.slice(0, end)
  const letters = asLetters(kept)
  if (letters === null || !/^(<<)?[A-Z]/.test(letters)) return null
  const text = letters.padEnd(TD3_LENGTH - td3.name.start, '<')
  const split = letters.indexOf('<<')
  const words = (part: string) => part.split('<').filter(Boolean).join(' ')
  return {
    text,
    lastName: words(split === -1 ? letters : letters.slice(0, split)),
    firstNames: words(split === -1 ? '' : letters.slice(split + 2)),
  }
}

/** How many of line 2's five check digits hold as read (after no repair): a measure of how MRZ-like it is. */
export function heldCheckDigits(line2: string): number {
  const { documentNumber: d, birthDate: b, expiryDate: e, personalNumber: p } = td3
  const held = [d, b, e, p].filter((f) => checks(line2.slice(f.start, f.end), line2[f.check] ?? '')).length
  return held + (checks(compositeText(line2), line2[COMPOSITE_CHECK] ?? '') ? 1 : 0)
}
