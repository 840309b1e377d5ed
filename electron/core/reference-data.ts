import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  indexEstablishments,
  parseEstablishments,
  type EstablishmentIndex,
} from '../../src/domain/reference/establishments'
import {
  indexPostalCodes,
  parsePostalCodes,
  type PostalCodeIndex,
} from '../../src/domain/reference/postal-codes'
import type { RegistrationContext } from '../../src/domain/registration/context'
import { checkUai } from '../../src/domain/registration/uai'

/** The big reference lists shipped in resources/reference, read once when the core opens. */
export interface ReferenceData {
  establishments: EstablishmentIndex
  postalCodes: PostalCodeIndex
  /** Listed UAIs whose key letter does not check: the form accepts them when picked from the list. */
  uaiExceptions: string[]
  /** What the registration schema needs from the lists, for a capture at `now`. */
  context(now: Date): RegistrationContext
}

export function loadReferenceData(resourcesDir: string): ReferenceData {
  const read = (name: string) => readFileSync(join(resourcesDir, 'reference', name), 'utf8')
  const establishments = indexEstablishments(parseEstablishments(read('etablissements.csv')))
  const postalCodes = indexPostalCodes(parsePostalCodes(read('codes_postaux.csv')))
  return {
    establishments,
    postalCodes,
    uaiExceptions: [...establishments.byUai.keys()].filter((uai) => !checkUai(uai).ok),
    context: (now) => ({
      now,
      postalCodeExists: (code) => postalCodes.has(code),
      uaiExists: (uai) => establishments.byUai.has(uai),
    }),
  }
}
