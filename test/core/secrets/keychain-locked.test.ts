import { randomUUID } from 'node:crypto'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { accountFor, osKeychain } from '../../../electron/core/secrets'
import type { Channel } from '../../../src/domain/ipc/channels'
import { useBackend } from '../../backend/use-backend'
import { fastSync, nextEvent, openDesk, queueOne, studentForm, useDesk } from '../sync/desk'
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring'

const ADMIN_PIN = '482915'
const t = useBackend()
// No token given: the desk reads its own from the keychain, as the app does.
const desk = useDesk(null)
let keyring: PrivateKeyring

beforeAll(() => {
  keyring = startPrivateKeyring()
})

/**
 * A desk enrolled and set up while its keychain was open (token, admin PIN), then opened again as
 * after a restart: the data key is read at start, the token not yet.
 */
beforeEach(async () => {
  await desk.core.deskToken.set(t.backend.token)
  desk.core.settings.update({ backendUrl: t.backend.url })
  await desk.core.admin.setPin(ADMIN_PIN)
  desk.core.close()
  desk.core = await openDesk(desk.dataDir, null, { clock: desk.clock })
})
// Before the desk is closed: a test that failed half-way leaves the next one an open keychain.
afterEach(() => {
  if (keyring.locked()) keyring.unlock()
})

const call = (channel: Channel, request?: unknown) =>
  dispatch(createHandlers(desk.core, { chooseFiles: () => [] }), channel, request, desk.core.admin)

const LOCKED = { ok: false, error: { code: 'keychain_unavailable' } }

describe('a keychain locked while the desk runs', () => {
  it('is the keychain the desk reads: locked here, keytar finds none of the desk’s entries', async () => {
    const entry = () => osKeychain().get(accountFor(desk.dataDir, 'data-key'))
    expect(await entry()).not.toBeNull()
    keyring.lock()
    expect(keyring.locked()).toBe(true)
    expect(await entry()).toBeNull()
    keyring.unlock()
    expect(await entry()).not.toBeNull()
  })

  it('holds the sending as keychain_unavailable, never offline nor unconfigured, and sends once unlocked', async () => {
    keyring.lock()
    // Capture goes on: the data key was read at start.
    const clientId = await queueOne(desk.core, desk.files)
    desk.core.sync.start()
    const held = await desk.core.sync.drain()
    expect(held.status).toMatchObject({ stopped: 'keychain_unavailable' })
    expect(held.counts.queued).toBe(1)
    expect(t.backend.log).toEqual([])
    expect(desk.core.outbox.stateOf(clientId)).toBe('queued')
    expect(await call('testConnection')).toMatchObject(LOCKED)
    expect(await call('getSyncStatus')).toMatchObject({
      ok: true,
      value: { stopped: 'keychain_unavailable' },
    })

    // Nobody restarts anything: the sync's next look finds the keychain open and sends.
    keyring.unlock()
    const sent = nextEvent(desk.core, 'queueChanged', (counts) => counts.submitted === 1)
    desk.clock.advance(fastSync.offlineProbeMs!)
    await sent
    expect(desk.core.sync.status().stopped).toBeNull()
    expect(desk.core.outbox.stateOf(clientId)).toBe('submitted')
  })

  it('refuses the admin PIN as keychain_unavailable (not "entry gone"), lets operators sign in, and keeps the draft', async () => {
    await desk.core.admin.unlock(ADMIN_PIN)
    await desk.core.operators.add('Agent Dupont', '2468')
    const [agent] = desk.core.operators.list()
    desk.core.session.lock()
    keyring.lock()
    expect(await call('signIn', { operatorId: null, pin: ADMIN_PIN })).toMatchObject(LOCKED)
    expect(await call('setAdminPin', { pin: '135791', currentPin: ADMIN_PIN })).toMatchObject(LOCKED)
    // An agent's PIN lives in the database: the desk stays usable.
    expect(await call('signIn', { operatorId: agent!.id, pin: '2468' })).toMatchObject({ ok: true })
    const clientId = randomUUID()
    expect(await call('saveDraft', { clientId, form: studentForm('linh@example.org') })).toMatchObject({
      ok: true,
    })

    keyring.unlock()
    expect(await call('signIn', { operatorId: null, pin: ADMIN_PIN })).toMatchObject({ ok: true })
    expect(desk.core.registrations.loadDraft()).toMatchObject({
      clientId,
      form: { email: 'linh@example.org' },
    })
  })

  it('spends no enrollment code and stores no token it could not keep, then enrolls with the same code', async () => {
    t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'paris-fair-3' }, new Date())
    await desk.core.admin.unlock(ADMIN_PIN)
    const before = desk.core.settings.get()
    keyring.lock()
    const enroll = { backendUrl: t.backend.url, code: 'ABCD-2345-EFGH' }
    const refused = await call('enrollDesk', enroll)
    expect(refused).toMatchObject(LOCKED)
    if (!refused.ok) expect(refused.error.message).toMatch(/unlock its keychain, then try again/)
    expect(await call('setDeskToken', { token: 'another-token' })).toMatchObject(LOCKED)
    expect(desk.core.settings.get()).toEqual(before)
    expect(t.backend.enrollments.get('ABCD2345EFGH')?.issued).toBeNull()

    keyring.unlock()
    expect(await call('enrollDesk', enroll)).toMatchObject({ ok: true, value: { deskId: 'paris-fair-3' } })
    expect(await desk.core.deskToken.get()).toBe(t.backend.enrollments.get('ABCD2345EFGH')?.issued?.token)
  })
})
