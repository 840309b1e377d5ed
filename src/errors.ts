import { GuichetFailure } from './domain/result'

/**
 * The i18n key that explains a failure to the agent: the first field's code when the core
 * pointed at fields, else the failure's own code, else the generic one.
 */
export function errorKey(error: unknown): string {
  if (error instanceof GuichetFailure) return `errors.${error.fields?.[0]?.message ?? error.code}`
  return 'errors.internal'
}
