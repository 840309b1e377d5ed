import type { Check } from './check'
import { fail } from './check'
import { BIDI_CONTROL, INVISIBLE } from './text'

export const EMAIL_MAX_LENGTH = 254

/** The WHATWG definition of a valid e-mail address (what <input type=email> accepts). */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

const NON_ASCII = /[^\x00-\x7f]/

/**
 * An internationalised domain (étudiant@université.fr's domain) as DNS and mail servers know it, in
 * punycode: what Chromium's own e-mail field gives, so an address typed there and one in a CLI or
 * imported file are the same. Anything that is not plainly a domain is left for the check to refuse.
 */
function asciiDomain(domain: string): string {
  if (!NON_ASCII.test(domain) || !/^[\p{L}\p{M}\p{N}.-]+$/u.test(domain)) return domain
  try {
    return new URL(`http://${domain}`).hostname
  } catch {
    return domain
  }
}

/**
 * Lower-cased, because MesServices treats one address as one user whatever its case; without the
 * invisible marks a paste brings along (other format characters stay, for the check to refuse); its
 * domain in ASCII. NFKC first, so a look-alike (Kelvin sign, full-width letters) becomes the letter
 * it shows: the address on the receipt is the one sent.
 */
export function normaliseEmail(input: string): string {
  const email = input.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase()
  const at = email.lastIndexOf('@')
  return at < 0 ? email : email.slice(0, at + 1) + asciiDomain(email.slice(at + 1))
}

export function checkEmail(input: string): Check {
  const email = normaliseEmail(input)
  if (email === '') return fail('required')
  // Shown in one order, sent in another (jean@\u202Emoc.liamg reads jean@gmail.com).
  if (BIDI_CONTROL.test(email)) return fail('email_invalid')
  if (email.length > EMAIL_MAX_LENGTH) return fail('too_long')
  return EMAIL.test(email) ? { ok: true, value: email } : fail('email_invalid')
}
