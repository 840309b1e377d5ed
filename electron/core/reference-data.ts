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

/**
 * The big reference lists shipped in resources/reference (35,000 postal codes, 4,000 establishments),
 * each parsed once, on its first use: a start that reads no list (the CLI's sync, a desk opening on
 * its queue) does not pay for them.
 */
export interface ReferenceData {
  readonly establishments: EstablishmentIndex
  readonly postalCodes: PostalCodeIndex
  /** Listed UAIs whose key letter does not check: the form accepts them when picked from the list. */
  readonly uaiExceptions: string[]
  /** What the registration schema needs from the lists, for a capture at `now`. */
  context(now: Date): RegistrationContext
}

export function loadReferenceData(resourcesDir: string): ReferenceData {
  const read = (name: string) => readFileSync(join(resourcesDir, 'reference', name), 'utf8')
  const establishments = once(() => indexEstablishments(parseEstablishments(read('etablissements.csv'))))
  const postalCodes = once(() => indexPostalCodes(parsePostalCodes(read('codes_postaux.csv'))))
  const uaiExceptions = once(() => [...establishments().byUai.keys()].filter((uai) => !checkUai(uai).ok))
  return {
    get establishments() {
      return establishments()
    },
    get postalCodes() {
      return postalCodes()
    },
    get uaiExceptions() {
      return uaiExceptions()
    },
    context: (now) => ({
      now,
      uaiExists: (uai) => establishments().byUai.has(uai),
      departmentOf: (uai) => establishments().byUai.get(uai)?.department,
    }),
  }
}

function once<T>(load: () => T): () => T {
  let value: { loaded: T } | undefined
  return () => (value ??= { loaded: load() }).loaded
}
