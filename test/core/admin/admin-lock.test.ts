import type { Database } from 'better-sqlite3'
import { randomUUID, type ScryptOptions } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AdminLock } from '../../../electron/core/admin/admin-lock'
import { openDatabase } from '../../../electron/core/db/open'
import { PinGuard } from '../../../electron/core/people/pin-guard'
import { PIN_COST } from '../../../electron/core/people/pin-hash'
import { accountFor, osKeychain } from '../../../electron/core/secrets'
import { failureCode as code } from '../failure-code'

const HOUR = 3_600_000
/**
 * These tests count tries, one hash each: a cheaper scrypt keeps them about the lockout, not the
 * hash. The test of what the keychain holds keeps the production cost.
 */
const TRY_COST = { ...PIN_COST, N: 2 ** 10 }
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** An admin lock on a real SQLite file and the real keychain, with a clock the test moves. */
function lock(pinCost: ScryptOptions = TRY_COST) {
  let now = 1_000_000
  const clock = () => now
  const dir = mkdtempSync(join(tmpdir(), 'guichet-admin-'))
  dirs.push(dir)
  const store = osKeychain(`fr.guichet.test.${randomUUID()}`)
  const open = () => {
    const db = openDatabase(join(dir, 'guichet.sqlite'))
    return { db, admin: new AdminLock(store, dir, db, new PinGuard(db, clock), clock, pinCost) }
  }
  let current: { db: Database; admin: AdminLock } = open()
  return {
    get admin() {
      return current.admin
    },
    store,
    account: accountFor(dir, 'admin-pin'),
    advance: (ms: number) => (now += ms),
    /** The app quits and starts again: a new process, the same files and keychain. */
    restart() {
      current.db.close()
      current = open()
    },
  }
}

describe('admin mode', () => {
  it('is open while the desk is being provisioned (no PIN yet)', async () => {
    const { admin } = lock()
    expect(await admin.status()).toEqual({ configured: false, unlocked: true })
    await expect(admin.assertUnlocked()).resolves.toBeUndefined()
  })

  it('once a PIN is set, admin actions need it; the PIN is kept hashed in the keychain', async () => {
    const { admin, store, account } = lock(PIN_COST)
    await admin.setPin('482915')
    admin.lock()
    expect(await code(admin.assertUnlocked())).toBe('admin_required')
    const stored = (await store.get(account))!
    expect(stored).toMatch(/^scrypt:/)
    expect(stored).not.toContain('482915')
    expect(await code(admin.unlock('000000'))).toBe('wrong_pin')
    expect(await admin.unlock('482915')).toEqual({ configured: true, unlocked: true })
  })

  it('stays locked when the keychain entry is deleted, even after a restart', async () => {
    const t = lock()
    await t.admin.setPin('482915')
    expect(await t.store.delete(t.account)).toBe(true)
    t.restart()
    expect(await t.admin.status()).toEqual({ configured: true, unlocked: false })
    expect(await code(t.admin.assertUnlocked())).toBe('admin_required')
    expect(await code(t.admin.unlock('482915'))).toBe('admin_pin_missing')
    expect(await code(t.admin.setPin('111111'))).toBe('admin_required')
    expect(await code(t.admin.setPin('111111', '482915'))).toBe('admin_pin_missing')
    expect(await t.store.get(t.account)).toBeNull()
  })

  it('locks again after ten idle minutes', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    advance(9 * 60 * 1000)
    await admin.assertUnlocked()
    advance(9 * 60 * 1000)
    await admin.assertUnlocked()
    advance(11 * 60 * 1000)
    expect(await code(admin.assertUnlocked())).toBe('admin_required')
  })

  it('refuses every try for a minute after five wrong PINs, even the right one', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    admin.lock()
    for (let i = 0; i < 5; i++) expect(await code(admin.unlock('111111'))).toBe('wrong_pin')
    expect(await code(admin.unlock('482915'))).toBe('pin_locked_out')
    advance(61 * 1000)
    expect((await admin.unlock('482915')).unlocked).toBe(true)
  })

  it('keeps the wrong tries and the lockout across a restart', async () => {
    const t = lock()
    await t.admin.setPin('482915')
    t.admin.lock()
    for (let i = 0; i < 3; i++) expect(await code(t.admin.unlock('111111'))).toBe('wrong_pin')
    t.restart()
    for (let i = 0; i < 2; i++) expect(await code(t.admin.unlock('111111'))).toBe('wrong_pin')
    t.restart()
    expect(await code(t.admin.unlock('482915'))).toBe('pin_locked_out')
    t.advance(61 * 1000)
    t.restart()
    expect((await t.admin.unlock('482915')).unlocked).toBe(true)
  })

  it('locks out twice as long each time five more wrong PINs follow', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    admin.lock()
    for (let i = 0; i < 5; i++) await code(admin.unlock('111111'))
    advance(61 * 1000)
    for (let i = 0; i < 5; i++) expect(await code(admin.unlock('111111'))).toBe('wrong_pin')
    advance(61 * 1000)
    expect(await code(admin.unlock('482915'))).toBe('pin_locked_out')
    advance(60 * 1000)
    expect((await admin.unlock('482915')).unlocked).toBe(true)
  })

  it('keeps a one-minute lockout one minute when the clock is then set back three hours', async () => {
    const t = lock()
    await t.admin.setPin('482915')
    t.admin.lock()
    for (let i = 0; i < 5; i++) await code(t.admin.unlock('111111'))
    t.advance(-3 * HOUR)
    await expect(t.admin.unlock('482915')).rejects.toThrow('wait 1 minute(s)')
    t.advance(30 * 1000)
    t.restart()
    await expect(t.admin.unlock('482915')).rejects.toThrow('wait 1 minute(s)')
    t.advance(31 * 1000)
    expect((await t.admin.unlock('482915')).unlocked).toBe(true)
  })

  it('keeps a doubled lockout its own length, not the first one, when the clock is set back', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    admin.lock()
    for (let i = 0; i < 5; i++) await code(admin.unlock('111111'))
    advance(61 * 1000)
    for (let i = 0; i < 5; i++) await code(admin.unlock('111111'))
    advance(-3 * HOUR)
    await expect(admin.unlock('482915')).rejects.toThrow('wait 2 minute(s)')
    advance(90 * 1000)
    expect(await code(admin.unlock('482915'))).toBe('pin_locked_out')
    advance(31 * 1000)
    expect((await admin.unlock('482915')).unlocked).toBe(true)
  })

  it('ends a lockout early when the clock is set forward', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    admin.lock()
    for (let i = 0; i < 5; i++) await code(admin.unlock('111111'))
    advance(3 * HOUR)
    expect((await admin.unlock('482915')).unlocked).toBe(true)
  })

  it('does not stay unlocked beyond ten idle minutes when the clock is set back', async () => {
    const { admin, advance } = lock()
    await admin.setPin('482915')
    advance(-3 * HOUR)
    expect(admin.activeNow()).toBe(true)
    advance(10 * 60 * 1000 + 1000)
    expect(admin.activeNow()).toBe(false)
    expect(await code(admin.assertUnlocked())).toBe('admin_required')
  })

  it('counts parallel tries one after the other, so they cannot outrun the lockout', async () => {
    const { admin } = lock()
    await admin.setPin('482915')
    admin.lock()
    const codes = await Promise.all(Array.from({ length: 8 }, () => code(admin.unlock('111111'))))
    expect(codes.filter((c) => c === 'wrong_pin')).toHaveLength(5)
    expect(codes.filter((c) => c === 'pin_locked_out')).toHaveLength(3)
  })

  it('changes the PIN only in admin mode or with the current PIN', async () => {
    const { admin } = lock()
    await admin.setPin('482915')
    admin.lock()
    expect(await code(admin.setPin('999999'))).toBe('admin_required')
    expect(await code(admin.setPin('999999', 'nope-nope'))).toBe('wrong_pin')
    await admin.setPin('999999', '482915')
    admin.lock()
    expect((await admin.unlock('999999')).unlocked).toBe(true)
  })
})
