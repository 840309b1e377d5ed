import type { MissingSetting } from '../../domain/enrollment/status'

/**
 * What the desk lacks, as one phrase of the locale ("l’adresse du serveur et le jeton du poste",
 * "server address and desk token"): the enrollment state and "Test connection" say it the same way.
 */
export function missingInWords(
  missing: readonly MissingSetting[],
  t: (key: string) => string,
  locale: string,
): string {
  const names = missing.map((setting) => t(`enrollment.missing.${setting}`))
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names)
}
