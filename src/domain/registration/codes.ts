/**
 * Every code a registration rule can answer. Yup messages are these codes, never sentences: the UI
 * translates them with src/i18n/validation, the core sends them as `FieldError.code`.
 */
export const validationCodes = [
  'required',
  'invalid_type',
  'invalid_choice',
  'unknown_field',
  'too_long',
  'too_many',
  'control_chars',
  'markup',
  'name_chars',
  'email_invalid',
  'email_mismatch',
  'date_invalid',
  'age_implausible',
  'ine_format',
  'ine_key',
  'ine_identical_digits',
  'uai_format',
  'uai_key',
  'uai_department',
  'phone_invalid',
  'phone_extension',
  'phone_not_mobile',
  'phone_not_landline',
  'postal_code_format',
  'postal_code_department',
  'emergency_contact_reach',
] as const

export type ValidationCode = (typeof validationCodes)[number]

/** Not errors: the value is accepted, but the operator should look at it twice. */
export const warningCodes = ['rnie_key_unverified', 'postal_code_unknown', 'phone_read_as'] as const

export type WarningCode = (typeof warningCodes)[number]

export type MessageCode = ValidationCode | WarningCode
