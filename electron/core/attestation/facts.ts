import { countryName } from '../../../src/domain/reference/countries'
import { findEstablishment, type EstablishmentIndex } from '../../../src/domain/reference/establishments'
import { parseBirthDate } from '../../../src/domain/registration/birth-date'
import { cleanText } from '../../../src/domain/registration/text'
import { GuichetFailure } from '../../../src/domain/result'

/** What the sworn statement says about the student, each value as printed; null when unknown. */
export interface AttestationFacts {
  civility: 'Madame' | 'Monsieur' | null
  firstNames: string
  lastName: string
  birthDate: string | null
  birthPlace: string | null
  address: string | null
  passportNumber: string | null
  /** "12 avril 2031" */
  passportExpiry: string | null
  establishment: string | null
  /** "2025-2026" */
  academicYear: string
  /** Where it is signed ("Fait à"): the student's town, else left blank for the pen. */
  place: string | null
  date: string
}

type Values = Record<string, unknown>

const record = (value: unknown): Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {}

const text = (value: unknown): string | null => {
  const cleaned = typeof value === 'string' ? cleanText(value) : ''
  return cleaned === '' ? null : cleaned
}

const frenchDate = (date: Date, timeZone?: string): string =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date)

const frenchIso = (iso: string | null): string | null => {
  const valid = iso && parseBirthDate(iso)
  return valid ? frenchDate(new Date(`${valid}T00:00:00Z`), 'UTC') : null
}

/**
 * The academic year a statement made on `now` is about: from July on, the year starting in September;
 * before, the one under way.
 */
export function academicYear(now: Date): string {
  const start = now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1
  return `${start}-${start + 1}`
}

/**
 * Reads the form as typed (a draft: anything may be missing) into the statement's facts. Only the
 * student's names are required, since the statement is made out in them; the passport number and
 * place of birth are printed when the form holds them.
 */
export function attestationFacts(
  form: unknown,
  establishments: EstablishmentIndex,
  now: Date,
): AttestationFacts {
  const values = record(form)
  const lastName = text(values.lastName)
  const firstNames = [values.firstName, values.secondFirstName, values.thirdFirstName]
    .map(text)
    .filter((name) => name !== null)
    .join(' ')
  if (!lastName || !firstNames) {
    throw new GuichetFailure(
      'attestation_needs_name',
      "Type the student's last and first names in the form first: the statement is made out in them.",
    )
  }
  const contact = record(values.contact)
  const iso = parseBirthDate(text(values.birthDate) ?? '')
  const country = text(contact.country)
  const town = [text(contact.postalCode), text(contact.city)].filter(Boolean).join(' ')
  const address = [
    text(contact.address),
    town,
    country && country !== 'FR' ? countryName(country, 'fr') : undefined,
  ].filter(Boolean)
  return {
    civility: values.civility === 'MME' ? 'Madame' : values.civility === 'M' ? 'Monsieur' : null,
    firstNames,
    lastName: lastName.toLocaleUpperCase('fr-FR'),
    birthDate: frenchIso(iso),
    birthPlace: text(values.birthPlace),
    address: address.length ? address.join(', ') : null,
    passportNumber: text(values.passportNumber),
    passportExpiry: frenchIso(text(values.passportExpiry)),
    establishment: establishmentName(record(values.establishment), establishments),
    academicYear: academicYear(now),
    place: text(contact.city),
    date: frenchDate(now),
  }
}

function establishmentName(values: Values, establishments: EstablishmentIndex): string | null {
  if (values.notEnrolledYet === true) return null
  const uai = text(values.uai)
  return (uai && findEstablishment(establishments, uai.toUpperCase())?.name) || text(values.name)
}
