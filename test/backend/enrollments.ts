import { randomBytes, randomInt } from 'node:crypto'
import {
  ENROLLMENT_ALPHABET,
  ENROLLMENT_CODE_LENGTH,
  enrollmentCodeProblem,
  normalizeEnrollmentCode,
} from '../../src/domain/enrollment/code'
import { ApiError } from './reply'

export interface EnrollmentCode {
  code: string
  deskId: string
  event: string | null
  expiresAt: Date
  usedAt: Date | null
  /** What the desk said of itself when it used the code, and the token it was given. */
  issued: { token: string; desk: Record<string, unknown> } | null
}

export interface NewEnrollmentCode {
  /** Typed as an admin would (dashes, lower case); a random one when absent. */
  code?: string
  deskId: string
  event?: string | null
  /** Default: 72 hours. */
  ttlMs?: number
}

const DEFAULT_TTL_MS = 72 * 3600_000
/** Wrong codes from one address within WINDOW_MS before the backend answers 429 (contract). */
export const WRONG_CODES_ALLOWED = 10
const WINDOW_MS = 10 * 60_000

/**
 * The backend's one-time enrollment codes and its brake on guessing them: every redemption that
 * does not enroll a desk (malformed, unknown, used, expired) counts against the caller's address,
 * and the 11th within ten minutes is answered 429 with the seconds until the oldest falls out.
 */
export class Enrollments {
  private readonly codes = new Map<string, EnrollmentCode>()
  private readonly wrongTries = new Map<string, Date[]>()

  add(input: NewEnrollmentCode, now: Date): EnrollmentCode {
    const code = input.code === undefined ? randomCode() : normalizeEnrollmentCode(input.code)
    if (enrollmentCodeProblem(code)) {
      throw new Error(
        `An enrollment code is ${ENROLLMENT_CODE_LENGTH} characters from ${ENROLLMENT_ALPHABET}.`,
      )
    }
    const entry: EnrollmentCode = {
      code,
      deskId: input.deskId,
      event: input.event ?? null,
      expiresAt: new Date(now.getTime() + (input.ttlMs ?? DEFAULT_TTL_MS)),
      usedAt: null,
      issued: null,
    }
    this.codes.set(code, entry)
    return entry
  }

  get(code: string): EnrollmentCode | undefined {
    return this.codes.get(normalizeEnrollmentCode(code))
  }

  /** The code's desk, once: throws the contract's ApiError otherwise. */
  redeem(typed: unknown, address: string, now: Date): EnrollmentCode {
    this.refuseWhenThrottled(address, now)
    const code = typeof typed === 'string' ? normalizeEnrollmentCode(typed) : ''
    const entry = enrollmentCodeProblem(code) ? undefined : this.codes.get(code)
    const refusal = !entry
      ? new ApiError(404, 'enrollment_code_unknown', 'No such enrollment code.')
      : entry.usedAt
        ? new ApiError(410, 'enrollment_code_used', 'This enrollment code was already used.')
        : now >= entry.expiresAt
          ? new ApiError(410, 'enrollment_code_expired', 'This enrollment code has expired.')
          : null
    if (refusal) {
      this.wrongTries.set(address, [...this.recentTries(address, now), now])
      throw refusal
    }
    entry!.usedAt = now
    return entry!
  }

  private recentTries(address: string, now: Date): Date[] {
    return (this.wrongTries.get(address) ?? []).filter((at) => now.getTime() - at.getTime() < WINDOW_MS)
  }

  private refuseWhenThrottled(address: string, now: Date): void {
    const tries = this.recentTries(address, now)
    if (tries.length < WRONG_CODES_ALLOWED) return
    const oldest = tries[0]!.getTime()
    const seconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000))
    throw new ApiError(
      429,
      'too_many_attempts',
      'Too many wrong enrollment codes from this address; try again later.',
      {},
      { 'retry-after': String(seconds) },
    )
  }
}

export const newDeskToken = (): string => randomBytes(24).toString('base64url')

function randomCode(): string {
  return Array.from(
    { length: ENROLLMENT_CODE_LENGTH },
    () => ENROLLMENT_ALPHABET[randomInt(ENROLLMENT_ALPHABET.length)],
  ).join('')
}
