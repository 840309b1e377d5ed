/**
 * One-time enrollment codes (contract: desk enrollments). 12 characters from an alphabet without
 * the look-alikes 0/O, 1/I/L, shown grouped as XXXX-XXXX-XXXX; people type them with spaces, dashes
 * or in lower case, so both the desk and the backend compare the normalized form.
 */
export const ENROLLMENT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const ENROLLMENT_CODE_LENGTH = 12

/** Without spaces and dashes, upper-cased: what is sent and compared. */
export function normalizeEnrollmentCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase()
}

/** Why a typed code cannot be one (checked before anything is sent), or null when it can. */
export function enrollmentCodeProblem(typed: string): 'required' | 'enrollment_code_format' | null {
  const code = normalizeEnrollmentCode(typed)
  if (code === '') return 'required'
  if (code.length !== ENROLLMENT_CODE_LENGTH) return 'enrollment_code_format'
  return [...code].every((c) => ENROLLMENT_ALPHABET.includes(c)) ? null : 'enrollment_code_format'
}

/** XXXX-XXXX-XXXX, as an administrator reads it out. */
export function groupEnrollmentCode(code: string): string {
  return normalizeEnrollmentCode(code).replace(/(.{4})(?=.)/g, '$1-')
}
