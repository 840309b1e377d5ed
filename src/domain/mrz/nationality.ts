import { alpha3ToAlpha2 } from 'i18n-iso-countries/index.js'
import { isNationalityCode } from '../reference/countries'

/**
 * Codes of ICAO Doc 9303 part 3 that are not ISO 3166 alpha-3, read as the form's nationality:
 * Germany's D; the five British nationality classes; Kosovo (RKS in practice, UNK on UNMIK papers,
 * XK being user-assigned); and the contract's own stateless, refugee and unspecified codes.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  D: 'DE',
  GBD: 'GB',
  GBN: 'GB',
  GBO: 'GB',
  GBP: 'GB',
  GBS: 'GB',
  RKS: 'XK',
  UNK: 'XK',
  XXA: 'XXA',
  XXB: 'XXB',
  XXC: 'XXC',
  XXX: 'XXX',
}

/**
 * The form's nationality (ISO alpha-2 or XXA/XXB/XXC/XXX) for an MRZ nationality code, or null when
 * the code names no country the form offers (an organisation such as UNO, EUE or XOM, or Kosovo where
 * the list lacks it): the agent then chooses.
 */
export function nationalityFromMrz(code: string): string | null {
  const trimmed = code.replace(/<+$/, '')
  const mapped = SPECIAL[trimmed] ?? alpha3ToAlpha2(trimmed)
  return mapped !== undefined && isNationalityCode(mapped) ? mapped : null
}
