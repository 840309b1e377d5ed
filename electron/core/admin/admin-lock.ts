import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { AdminStatus } from '../../../src/domain/admin'
import { GuichetFailure } from '../../../src/domain/result'
import { accountFor, type SecretStore } from '../secrets'

const scrypt = (pin: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pin, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  )

const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const IDLE_MS = 10 * 60 * 1000
const MAX_TRIES = 5
const LOCKOUT_MS = 60 * 1000

/**
 * Admin mode for settings, the desk token, discarding records and export: unlocked with a PIN whose
 * scrypt hash sits in the OS keychain, locked again after ten idle minutes. Until a PIN is set the
 * desk is being provisioned and admin actions are open, so a new desk can be set up at all.
 */
export class AdminLock {
  private unlockedUntil = 0
  private failures = 0
  private lockedOutUntil = 0
  private attempts: Promise<unknown> = Promise.resolve()
  private readonly account: string

  constructor(
    private readonly secrets: SecretStore,
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.account = accountFor(dataDir, 'admin-pin')
  }

  async status(): Promise<AdminStatus> {
    const configured = (await this.secrets.get(this.account)) !== null
    return { configured, unlocked: !configured || this.now() < this.unlockedUntil }
  }

  /** Throws `admin_required` unless admin mode is on; each admin action extends it. */
  async assertUnlocked(): Promise<void> {
    if (!(await this.status()).unlocked) {
      throw new GuichetFailure(
        'admin_required',
        'This needs admin mode: unlock it with the admin PIN in Settings.',
      )
    }
    this.touch()
  }

  /** One try at a time: parallel tries would all pass the lockout check before any failure counts. */
  unlock(pin: string): Promise<AdminStatus> {
    const attempt = this.attempts.then(() => this.tryUnlock(pin))
    this.attempts = attempt.catch(() => undefined)
    return attempt
  }

  private async tryUnlock(pin: string): Promise<AdminStatus> {
    const stored = await this.secrets.get(this.account)
    if (stored === null) return this.status()
    if (this.now() < this.lockedOutUntil) {
      throw new GuichetFailure('pin_locked_out', 'Too many wrong PINs: wait a minute before trying again.')
    }
    if (!(await matches(pin, stored))) {
      this.failures += 1
      if (this.failures >= MAX_TRIES) {
        this.failures = 0
        this.lockedOutUntil = this.now() + LOCKOUT_MS
      }
      throw new GuichetFailure('wrong_pin', 'This PIN is not the admin PIN.')
    }
    this.failures = 0
    this.touch()
    return this.status()
  }

  lock(): void {
    this.unlockedUntil = 0
  }

  /** Sets or changes the PIN: in admin mode, or with the current PIN. */
  async setPin(pin: string, currentPin?: string): Promise<AdminStatus> {
    if (!(await this.status()).unlocked) {
      if (currentPin === undefined) await this.assertUnlocked()
      else await this.unlock(currentPin)
    }
    const salt = randomBytes(16)
    const hash = await scrypt(pin, salt, COST)
    await this.secrets.set(this.account, `scrypt:${salt.toString('base64')}:${hash.toString('base64')}`)
    this.touch()
    return this.status()
  }

  private touch(): void {
    this.unlockedUntil = this.now() + IDLE_MS
  }
}

async function matches(pin: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split(':')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), COST)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
