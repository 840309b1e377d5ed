import { GuichetFailure } from './domain/result'
import { i18n } from './i18n'

/**
 * The i18n key that explains a failure to the agent: the first field's code when the core
 * pointed at fields and a sentence exists for it, else the failure's own code, else the generic
 * one — never a raw key on screen.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof GuichetFailure)) return 'errors.internal'
  const candidates = [error.fields?.[0]?.message, error.code].map((code) => `errors.${code}`)
  return candidates.find((key) => i18n.global.te(key)) ?? 'errors.internal'
}
