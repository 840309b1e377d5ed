import { GuichetFailure, type FieldError } from './domain/result'
import { i18n } from './i18n'

/**
 * The i18n key that explains a failure to the agent: the first field's code when the core
 * pointed at fields and a sentence exists for it, else the failure's own code, else the generic
 * one — never a raw key on screen.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof GuichetFailure)) return 'errors.internal'
  return knownKey([error.fields?.[0]?.message, error.code]) ?? 'errors.internal'
}

/** The i18n key that explains what the core found wrong with one field, if a sentence exists for it. */
export const fieldErrorKey = (field: FieldError): string | undefined => knownKey([field.message, field.code])

const knownKey = (codes: (string | undefined)[]): string | undefined =>
  codes.map((code) => `errors.${code}`).find((key) => i18n.global.te(key))
