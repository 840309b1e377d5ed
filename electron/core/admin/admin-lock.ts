import type { Database } from 'better-sqlite3'
import type { AdminStatus } from '../../../src/domain/admin'
import { GuichetFailure } from '../../../src/domain/result'
import { cappedDeadline } from '../deadline'
import { hashPin, pinMatches } from '../people/pin-hash'
import type { PinGuard } from '../people/pin-guard'
import { accountFor, readSecret, type SecretStore } from '../secrets'
import { readDocument, writeDocument } from '../settings-table'

const IDLE_MS = 10 * 60 * 1000
/** The settings-table document that records that a PIN was set: from then on a missing entry means locked. */
const PIN_SET = 'adminPin'
const SUBJECT = 'admin'

/**
 * Admin mode for settings, the desk token, discarding records and export: unlocked with a PIN whose
 * scrypt hash sits in the OS keychain, locked again after ten idle minutes. Until a PIN is set the
 * desk is being provisioned and admin actions are open, so a new desk can be set up at all. That a PIN
 * was set is written in SQLite, so deleting the keychain entry locks the desk rather than opening it.
 */
export class AdminLock {
  private unlockedUntil = 0
  private readonly account: string

  constructor(
    private readonly secrets: SecretStore,
    private readonly dataDir: string,
    private readonly db: Database,
    private readonly guard: PinGuard,
    private readonly now: () => number = Date.now,
  ) {
    this.account = accountFor(dataDir, 'admin-pin')
  }

  async status(): Promise<AdminStatus> {
    const configured = this.pinWasSet() || (await this.secrets.get(this.account)) !== null
    return { configured, unlocked: !configured || this.open() }
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

  /** Whether admin mode is on now, without extending it. */
  isUnlocked(): Promise<boolean> {
    return this.status().then((s) => s.unlocked && s.configured)
  }

  /** Admin mode was used within ten minutes (for the audit log's actor; no keychain read). */
  activeNow(): boolean {
    return this.open()
  }

  async unlock(pin: string): Promise<AdminStatus> {
    if (!(await this.status()).configured) return this.status()
    // A keychain locked since the start answers keychain_unavailable here, not "PIN entry gone".
    const stored = await readSecret(this.secrets, this.dataDir, this.account)
    if (stored === null) {
      throw new GuichetFailure(
        'admin_pin_missing',
        'The admin PIN was set but its keychain entry is gone: the desk stays locked. Ask support to reinstall the desk.',
      )
    }
    if (!(await this.guard.attempt(SUBJECT, () => pinMatches(pin, stored)))) {
      throw new GuichetFailure('wrong_pin', 'This PIN is not the admin PIN.')
    }
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
    await this.secrets.set(this.account, await hashPin(pin))
    writeDocument(this.db, PIN_SET, { set: true })
    this.touch()
    return this.status()
  }

  private pinWasSet(): boolean {
    return (readDocument(this.db, PIN_SET) as { set?: boolean } | undefined)?.set === true
  }

  /** Admin mode is on; the clock set back never keeps it on longer than ten idle minutes. */
  private open(): boolean {
    const now = this.now()
    this.unlockedUntil = cappedDeadline(this.unlockedUntil, IDLE_MS, now)
    return now < this.unlockedUntil
  }

  private touch(): void {
    this.unlockedUntil = this.now() + IDLE_MS
  }
}
