import type { EmergencyContact, RegistrationForm } from './schema'

/**
 * What the form holds while it is being filled: every field may still be missing, except inside a list
 * (an emergency contact is added whole, from emptyEmergencyContact()). This is vee-validate's PartialDeep
 * of the output, so a draft can be the form's initial values.
 */
export type Draft<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> }
    : T

export type RegistrationDraft = Draft<RegistrationForm>

/** A new emergency contact block: blank, so it passes until something is typed in it. */
export const emptyEmergencyContact = (): EmergencyContact => ({
  civility: null,
  lastName: '',
  firstName: '',
  email: '',
  landline: '',
  mobile: '',
  address: '',
  postalCode: '',
  city: '',
  country: null,
})

/**
 * A new form. Required choices (civility, family situation, nationality) start unset so that nothing is
 * chosen for the student; the contact's country starts as France, where almost every student lives.
 */
export const emptyRegistrationForm = (): RegistrationDraft => ({
  lastName: '',
  firstName: '',
  secondFirstName: '',
  thirdFirstName: '',
  birthDate: '',
  email: '',
  emailConfirmation: '',
  ine: '',
  noIne: false,
  establishment: {
    notEnrolledYet: false,
    abroad: false,
    department: null,
    uai: null,
    name: '',
    country: null,
  },
  contact: { landline: '', mobile: '', address: '', postalCode: '', city: '', country: 'FR' },
  emergencyContacts: [],
})
