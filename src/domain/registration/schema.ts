import * as yup from 'yup'
import { civilities } from '../reference/civilities'
import { isCountryCode, isNationalityCode } from '../reference/countries'
import { isDepartementCode } from '../reference/departements'
import { familySituations } from '../reference/family-situations'
import type { Civility } from '../reference/civilities'
import type { FamilySituation } from '../reference/family-situations'
import { codesOf } from '../reference/labels'
import { checkBirthDate, parseBirthDate } from './birth-date'
import { checkEmail, normaliseEmail } from './email'
import type { Rule } from './fields'
import { choice, contextOf, flag, freeText, group, normalisedBy, requiredWhen, ruledString } from './fields'
import { checkIne, normaliseIne } from './ine'
import { checkName } from './names'
import type { PhoneExpectation } from './phone'
import { checkPhone } from './phone'
import { checkPostalCode } from './postal-code'
import { normaliseCode } from './key-letters'
import { checkUai } from './uai'

export const ADDRESS_MAX_LENGTH = 200
export const CITY_MAX_LENGTH = 100
export const ESTABLISHMENT_NAME_MAX_LENGTH = 200
export const MAX_EMERGENCY_CONTACTS = 2

type Values = Record<string, unknown>
const isRecord = (value: unknown): value is Values =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const countryOf = (value: unknown): string | null =>
  isRecord(value) && typeof value.country === 'string' ? value.country : null

/** The root of the values under validation, to reach the student's own country from an emergency contact. */
const rootOf = (test: yup.TestContext): unknown => test.from?.[test.from.length - 1]?.value

/** The country an address or phone number is read with: its own, else (emergency contacts) the student's. */
const addressCountry = (test: yup.TestContext): string | null =>
  countryOf(test.parent) ?? countryOf(isRecord(rootOf(test)) ? (rootOf(test) as Values).contact : null)

const name = () => ruledString(checkName, normalisedBy(checkName))
const email = () => ruledString(checkEmail, normaliseEmail)
const isIn = (codes: readonly string[]) => (code: string) => codes.includes(code)
const upper = (value: string) => value.trim().toUpperCase()

/**
 * Without a country a national number cannot be read; the missing country is the error to show, so the
 * number waits for it.
 */
const phone = (expected: PhoneExpectation) =>
  ruledString((value, test) => {
    const country = addressCountry(test)
    return country || value.trim().startsWith('+')
      ? checkPhone(value, country, expected)
      : { ok: true, value }
  })

// The communes list only ever warns (see checkPostalCode), so the schema does not need it.
const postalCode = () => ruledString((value, test) => checkPostalCode(value, addressCountry(test)))

const birthDate = () =>
  ruledString(
    (value, test) => checkBirthDate(value, contextOf(test).now),
    (value) => parseBirthDate(value) ?? value,
  )

const ine = () =>
  ruledString(checkIne, normaliseIne).test(
    'ine-required',
    'required',
    requiredWhen((student) => student.noIne !== true),
  )

/** A UAI from the list is taken as published; a UAI from anywhere else must carry a valid key. */
const uaiRule: Rule = (value, test) =>
  contextOf(test).uaiExists?.(value) ? { ok: true, value } : checkUai(value)

/**
 * An establishment picked from the list, then a département changed: the record would name the
 * establishment of one département under another. Which of the two is meant is the agent's to say.
 */
function sameDepartment(this: yup.TestContext, uai: string | null): boolean {
  const listed = uai === null ? undefined : contextOf(this).departmentOf?.(uai)
  const department = (this.parent as Values | undefined)?.department
  return !listed || typeof department !== 'string' || department === listed
}

const enrolledInFrance = (establishment: Values) =>
  establishment.notEnrolledYet !== true && establishment.abroad !== true
const enrolledAbroad = (establishment: Values) =>
  establishment.notEnrolledYet !== true && establishment.abroad === true

const establishment = () =>
  group({
    notEnrolledYet: flag(),
    abroad: flag(),
    department: choice<string>(isDepartementCode).test(
      'required',
      'required',
      requiredWhen(enrolledInFrance),
    ),
    // In France, one of uai (picked from the list) or name ("other"); with neither, the list is what
    // the student is asked for, so the error sits on the uai.
    uai: ruledString(uaiRule, normaliseCode)
      .test(
        'required',
        'required',
        requiredWhen((values) => enrolledInFrance(values) && values.name == null),
      )
      .test('uai-department', 'uai_department', sameDepartment),
    /** Free text: an establishment abroad, or one in France that is not in the list ("other"). */
    name: freeText(ESTABLISHMENT_NAME_MAX_LENGTH).test('required', 'required', requiredWhen(enrolledAbroad)),
    /** ISO alpha-2 of an establishment abroad; not in the API contract v1 yet (see the report). */
    country: choice<string>((code) => isCountryCode(code) && code !== 'FR')
      .transform((value: unknown) => (typeof value === 'string' ? upper(value) : value))
      .test('required', 'required', requiredWhen(enrolledAbroad)),
  })

const contactFields = () => ({
  civility: choice<Civility>(isIn(codesOf(civilities))),
  lastName: name(),
  firstName: name(),
  email: email(),
  landline: phone('landline'),
  mobile: phone('mobile'),
  address: freeText(ADDRESS_MAX_LENGTH),
  postalCode: postalCode(),
  city: freeText(CITY_MAX_LENGTH),
  country: choice<string>(isCountryCode).transform((value: unknown) =>
    typeof value === 'string' ? upper(value) : value,
  ),
})

/** Whether any field of an emergency contact was filled (the country alone does not make a contact). */
export const isEmergencyContactFilled = (contact: unknown): boolean =>
  isRecord(contact) &&
  Object.entries(contact).some(
    ([key, value]) =>
      key !== 'country' && value !== null && value !== undefined && String(value).trim() !== '',
  )

const whenFilled = requiredWhen((contact) => isEmergencyContactFilled(contact))

const emergencyContact = () => {
  const { civility, lastName, firstName, email, landline, mobile, address, postalCode, city, country } =
    contactFields()
  return group({
    civility,
    lastName: lastName.test('required', 'required', whenFilled),
    firstName: firstName.test('required', 'required', whenFilled),
    email,
    landline,
    // The "how to reach them" error sits on the mobile, the first of the three fields the UI shows.
    mobile: mobile.test('reach', 'emergency_contact_reach', function (value) {
      const contact = (this.parent ?? {}) as Values
      return (
        !isEmergencyContactFilled(contact) ||
        value !== null ||
        contact.landline != null ||
        contact.email != null ||
        this.createError({ message: 'emergency_contact_reach' })
      )
    }),
    address,
    postalCode,
    city,
    country,
  })
}

const studentContact = () => {
  const { landline, mobile, address, postalCode, city, country } = contactFields()
  return group({
    landline,
    mobile: mobile.required('required'),
    address: address.required('required'),
    postalCode: postalCode.required('required'),
    city: city.required('required'),
    country: country.required('required'),
  })
}

const identityFields = () => ({
  civility: choice<Civility>(isIn(codesOf(civilities))).required('required'),
  lastName: name().required('required'),
  firstName: name().required('required'),
  secondFirstName: name(),
  thirdFirstName: name(),
  birthDate: birthDate().required('required'),
  email: email().required('required'),
})

const situationFields = () => ({
  ine: ine(),
  noIne: flag(),
  familySituation: choice<FamilySituation>(isIn(codesOf(familySituations))).required('required'),
  nationality: choice<string>(isNationalityCode)
    .transform((value: unknown) => (typeof value === 'string' ? upper(value) : value))
    .required('required'),
  establishment: establishment(),
  contact: studentContact(),
  emergencyContacts: yup
    .array(emergencyContact())
    .typeError('invalid_type')
    .max(MAX_EMERGENCY_CONTACTS, 'too_many')
    .defined()
    .default([]),
})

/**
 * Values that only make sense together are made consistent before the fields are checked: no INE when
 * the student has none, no establishment details when not enrolled yet, no French department abroad,
 * no free name when a UAI was picked, and phone numbers in E.164 read with the contact's country (an
 * emergency contact without one is read with the student's).
 */
function reconcile(raw: unknown, dropEmptyContacts: boolean): unknown {
  if (!isRecord(raw)) return raw
  const student: Values = { ...raw }
  if (student.noIne === true) student.ine = null

  if (isRecord(student.establishment)) {
    const where: Values = { ...student.establishment }
    if (where.notEnrolledYet === true)
      Object.assign(where, { abroad: false, department: null, uai: null, name: null })
    if (where.abroad === true) Object.assign(where, { department: null, uai: null })
    else where.country = null
    if (typeof where.uai === 'string' && where.uai.trim() !== '') where.name = null
    student.establishment = where
  }

  const homeCountry = countryOf(student.contact)
  const readWithCountry = (contact: unknown): unknown => {
    if (!isRecord(contact)) return contact
    const country = countryOf(contact) ?? homeCountry
    const copy: Values = { ...contact }
    // Only normalised here; whether a number is of the right kind is the field test's answer.
    const normalised = {
      mobile: (value: string) => checkPhone(value, country),
      landline: (value: string) => checkPhone(value, country),
      postalCode: (value: string) => checkPostalCode(value, country),
    }
    for (const [key, check] of Object.entries(normalised)) {
      const value = copy[key]
      const checked = typeof value === 'string' ? check(value) : undefined
      if (checked?.ok) copy[key] = checked.value
    }
    return copy
  }
  student.contact = readWithCountry(student.contact)
  if (Array.isArray(student.emergencyContacts)) {
    const contacts = dropEmptyContacts
      ? student.emergencyContacts.filter(isEmergencyContactFilled)
      : student.emergencyContacts
    student.emergencyContacts = contacts.map(readWithCountry)
  }
  return student
}

/** What the API contract calls `student`: what the core stores, re-validates and sends. */
export const studentSchema = group({ ...identityFields(), ...situationFields() }).transform(
  (value: unknown) => reconcile(value, true),
)

/**
 * The registration form: the student plus the e-mail typed twice. Empty emergency contacts are kept
 * (so that error paths match the form's blocks); toStudent() drops them.
 */
export const registrationFormSchema = group({
  ...identityFields(),
  emailConfirmation: email()
    .required('required')
    .test('same-email', 'email_mismatch', function (value) {
      const typed = (this.parent as Values).email
      return typeof typed !== 'string' || normaliseEmail(typed) === value
    }),
  ...situationFields(),
}).transform((value: unknown) => reconcile(value, false))

export type Student = yup.InferType<typeof studentSchema>
export type RegistrationForm = yup.InferType<typeof registrationFormSchema>
export type EstablishmentChoice = Student['establishment']
export type StudentContact = Student['contact']
export type EmergencyContact = Student['emergencyContacts'][number]

/** The form's output as the contract's `student`: without the confirmation, without blank emergency contacts. */
export function toStudent(form: RegistrationForm): Student {
  const student: Partial<RegistrationForm> & Student = { ...form }
  delete student.emailConfirmation
  return { ...student, emergencyContacts: form.emergencyContacts.filter(isEmergencyContactFilled) }
}
