import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AdminLock } from '../../../electron/core/admin/admin-lock'
import { osKeychain } from '../../../electron/core/secrets'

function lock() {
  let now = 1_000_000
  const store = osKeychain(`fr.guichet.test.${randomUUID()}`)
  const admin = new AdminLock(store, '/data/desk', () => now)
  return { admin, store, advance: (ms: number) => (now += ms) }
}

const code = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (error) {
    return (error as { code?: string }).code
  }
  return 'resolved'
}

describe('admin mode', () => {
  it('is open while the desk is being provisioned (no PIN yet)', async () => {
    const { admin } = lock()
    expect(await admin.status()).toEqual({ configured: false, unlocked: true })
    await expect(admin.assertUnlocked()).resolves.toBeUndefined()
  })

  it('once a PIN is set, admin actions need it; the PIN is kept hashed in the keychain', async () => {
    const { admin, store } = lock()
    await admin.setPin('482915')
    admin.lock()
    expect(await code(admin.assertUnlocked())).toBe('admin_required')
    const stored = (await store.get(
      (await import('../../../electron/core/secrets')).accountFor('/data/desk', 'admin-pin'),
    ))!
    expect(stored).toMatch(/^scrypt:/)
    expect(stored).not.toContain('482915')
    expect(await code(admin.unlock('000000'))).toBe('wrong_pin')
    expect(await admin.unlock('482915')).toEqual({ configured: true, unlocked: true })
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
