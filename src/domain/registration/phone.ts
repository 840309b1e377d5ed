import type { CountryCode, PhoneNumber } from 'libphonenumber-js/max'
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import type { Check } from './check'
import { fail } from './check'
import { checkFreeText } from './text'

/** 'max' metadata: the smaller sets cannot tell a mobile from a landline. */
export type PhoneExpectation = 'mobile' | 'landline' | 'any'

/**
 * Regions that share the French national numbering plan (10 digits from 0): from Réunion,
 * 06 12 34 56 78 reaches a mainland mobile, and from Paris, 06 92 12 34 56 a Réunion one. A national
 * number that is not valid in the contact's own region is tried in the others. PF, NC, WF and
 * Saint-Pierre-et-Miquelon (+508, 6 digits) have plans of their own: tried here, SPM's read a French
 * number typed short (55 12 34) as one of its own.
 */
const FRENCH_PLAN: CountryCode[] = ['FR', 'RE', 'GP', 'MQ', 'GF', 'YT', 'BL', 'MF']

function regionsToTry(country: string | null | undefined): (CountryCode | undefined)[] {
  const region = country && isSupportedCountry(country) ? country : undefined
  if (!region || !FRENCH_PLAN.includes(region)) return [region]
  return [region, ...FRENCH_PLAN.filter((other) => other !== region)]
}

/** The number as libphonenumber reads it for a contact living in `country` (ISO alpha-2), if valid. */
export function parsePhone(input: string, country: string | null | undefined): PhoneNumber | undefined {
  for (const region of regionsToTry(country)) {
    const parsed = parsePhoneNumberFromString(input, region)
    if (parsed?.isValid()) return parsed
    if (input.trim().startsWith('+')) return undefined
  }
  return undefined
}

/**
 * A phone number typed nationally or internationally, answered in E.164. A mobile field refuses what
 * is certainly a landline and a landline field what is certainly a mobile; numbering plans that do not
 * tell them apart (FIXED_LINE_OR_MOBILE, as in the US) pass both.
 */
export function checkPhone(
  input: string,
  country: string | null | undefined,
  expected: PhoneExpectation = 'any',
): Check {
  const text = checkFreeText(input, 40)
  if (!text.ok) return text.code === 'markup' ? fail('phone_invalid') : text
  const phone = parsePhone(text.value, country)
  if (!phone) return fail('phone_invalid')
  // E.164 has no room for an extension: keeping the number without it would dial the wrong person.
  if (phone.ext) return fail('phone_extension')
  const type = phone.getType()
  if (expected === 'mobile' && (type === 'FIXED_LINE' || type === 'TOLL_FREE' || type === 'PREMIUM_RATE'))
    return fail('phone_not_mobile')
  if (expected === 'landline' && type === 'MOBILE') return fail('phone_not_landline')
  return { ok: true, value: phone.number }
}

/** A number typed in national form, as it will be sent: international form and the country it reaches. */
export interface PhoneReading {
  number: string
  country: string
}

/**
 * How a valid number typed without its country code is read (see checkPhone), for the agent to check:
 * a Moroccan 06 61 23 45 67 or a Swiss 079 123 45 67 is a valid French number too, and would silently
 * reach someone in France. Nothing to show once the number carries its code (+ or 00).
 */
export function readNational(input: string, country: string | null | undefined): PhoneReading | undefined {
  const typed = input.trim()
  if (typed.startsWith('+') || typed.startsWith('00')) return undefined
  const phone = parsePhone(typed, country)
  const reached = phone?.country ?? country
  return phone && reached ? { number: phone.formatInternational(), country: reached } : undefined
}
