import type { Check } from './check'
import { fail } from './check'

export const EMAIL_MAX_LENGTH = 254

/** The WHATWG definition of a valid e-mail address (what <input type=email> accepts). */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

/** Lower-cased, because MesServices treats one address as one user whatever its case. */
export const normaliseEmail = (input: string): string => input.trim().toLowerCase()

export function checkEmail(input: string): Check {
  const email = normaliseEmail(input)
  if (email === '') return fail('required')
  if (email.length > EMAIL_MAX_LENGTH) return fail('too_long')
  return EMAIL.test(email) ? { ok: true, value: email } : fail('email_invalid')
}
