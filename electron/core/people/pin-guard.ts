import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../../src/domain/result'
import { cappedDeadline } from '../deadline'

const MAX_TRIES = 5
const FIRST_LOCKOUT_MS = 60 * 1000
const LONGEST_LOCKOUT_MS = 60 * 60 * 1000

interface Tries {
  failures: number
  lockouts: number
  locked_until: number
}

/**
 * The one lockout for every PIN the desk checks (the admin's, each operator's), counted in SQLite so
 * that restarting the app clears nothing. Five wrong PINs in a row lock that PIN for a minute, then
 * twice as long each time again (up to an hour), so a 4-digit PIN cannot be walked through in a day.
 * Tries run one after the other: parallel ones would all pass the lockout check before any counted.
 */
export class PinGuard {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /** Runs `check` unless `subject` is locked out; counts a false answer, clears the count on a true one. */
  attempt(subject: string, check: () => Promise<boolean>): Promise<boolean> {
    const attempt = this.queue.then(() => this.tryOnce(subject, check))
    this.queue = attempt.catch(() => undefined)
    return attempt
  }

  /** Forgets a subject (an operator removed). */
  forget(subject: string): void {
    this.db.prepare('DELETE FROM pin_tries WHERE subject = ?').run(subject)
  }

  private async tryOnce(subject: string, check: () => Promise<boolean>): Promise<boolean> {
    const now = this.now()
    const tries = this.read(subject, now)
    if (now < tries.locked_until) {
      const minutes = Math.ceil((tries.locked_until - now) / 60_000)
      throw new GuichetFailure(
        'pin_locked_out',
        `Too many wrong PINs: wait ${minutes} minute(s) before trying again.`,
      )
    }
    if (await check()) {
      this.db.prepare('DELETE FROM pin_tries WHERE subject = ?').run(subject)
      return true
    }
    const failures = tries.failures + 1
    const lockedOut = failures >= MAX_TRIES
    this.db
      .prepare(
        `INSERT INTO pin_tries (subject, failures, lockouts, locked_until) VALUES (@subject, @failures, @lockouts, @until)
         ON CONFLICT(subject) DO UPDATE SET failures = @failures, lockouts = @lockouts, locked_until = @until`,
      )
      .run({
        subject,
        failures: lockedOut ? 0 : failures,
        lockouts: lockedOut ? tries.lockouts + 1 : tries.lockouts,
        until: lockedOut ? this.now() + lockoutLength(tries.lockouts + 1) : tries.locked_until,
      })
    return false
  }

  /**
   * The subject's tries, its lockout ending no later than its own length from `now`: with the clock set
   * back, a one-minute lockout would otherwise last hours. The shortened end is kept, so that it runs
   * down from there (this holds for lockouts set before this rule too: their length is their number).
   */
  private read(subject: string, now: number): Tries {
    const tries = (this.db
      .prepare('SELECT failures, lockouts, locked_until FROM pin_tries WHERE subject = ?')
      .get(subject) as Tries | undefined) ?? { failures: 0, lockouts: 0, locked_until: 0 }
    if (tries.lockouts === 0) return tries
    const until = cappedDeadline(tries.locked_until, lockoutLength(tries.lockouts), now)
    if (until === tries.locked_until) return tries
    this.db.prepare('UPDATE pin_tries SET locked_until = ? WHERE subject = ?').run(until, subject)
    return { ...tries, locked_until: until }
  }
}

/** How long the `lockouts`-th lockout of a PIN lasts: a minute, then twice as long each time, up to an hour. */
const lockoutLength = (lockouts: number): number =>
  Math.min(FIRST_LOCKOUT_MS * 2 ** (lockouts - 1), LONGEST_LOCKOUT_MS)
