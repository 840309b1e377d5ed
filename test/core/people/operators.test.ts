import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { dispatch, type Handlers } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { cleanup, documentFiles, openDesk, queueOne, studentForm, tempDir } from '../sync/desk'
import { attachFile } from '../../../electron/core/registrations/attach'
import { randomUUID } from 'node:crypto'
import { accountFor, osKeychain } from '../../../electron/core/secrets'
import { failureCode as code } from '../failure-code'
import { claimOne } from '../outbox/claim-one'

let dir: string
let core: Core | undefined
let now: number

beforeEach(() => {
  dir = tempDir('guichet-people-')
  now = Date.parse('2026-09-02T08:00:00Z')
})
afterEach(() => {
  core?.close()
  core = undefined
  cleanup(dir)
})

/** The desk as the page reaches it: every call through dispatch, with admin channels gated. */
async function desk() {
  core?.close()
  core = await openDesk(dir, null, { now: () => new Date(now) })
  const c = core
  const handlers = createHandlers(c, { chooseFiles: () => [] })
  const call = async <C extends keyof Handlers>(channel: C, request?: Parameters<Handlers[C]>[0]) => {
    const result = await dispatch(handlers, channel, request, c.admin)
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
    return result.value as Awaited<ReturnType<Handlers[C]>>
  }
  return { core: c, call }
}

/** A desk with an admin PIN and two operators, admin mode locked again, nobody signed in. */
async function staffedDesk() {
  const d = await desk()
  await d.call('setAdminPin', { pin: '482915' })
  const ana = await d.call('addOperator', { name: 'Ana Martin', pin: '2468' })
  const bob = await d.call('addOperator', { name: 'Bob Lefèvre', pin: '13579' })
  await d.call('signOut')
  return { ...d, ana, bob }
}

describe('operators', () => {
  it('are added and removed by the admin only, with a PIN of 4 to 8 digits', async () => {
    const { call } = await staffedDesk()
    expect(await code(call('addOperator', { name: 'Chloé', pin: '1234' }))).toBe('admin_required')
    await call('signIn', { operatorId: null, pin: '482915' })
    expect(await code(call('addOperator', { name: 'Chloé', pin: '123' }))).toBe('invalid_request')
    expect(await code(call('addOperator', { name: 'Chloé', pin: '123456789' }))).toBe('invalid_request')
    expect(await code(call('addOperator', { name: 'Chloé', pin: '12a4' }))).toBe('invalid_request')
    const chloe = await call('addOperator', { name: 'Chloé', pin: '12345678' })
    expect((await call('listOperators')).map((o) => o.name)).toEqual(['Ana Martin', 'Bob Lefèvre', 'Chloé'])
    await call('removeOperator', { operatorId: chloe.id })
    expect((await call('listOperators')).map((o) => o.id)).not.toContain(chloe.id)
    expect(await code(call('signIn', { operatorId: chloe.id, pin: '12345678' }))).toBe('operator_unknown')
  })

  it('keep names sealed and PINs hashed in SQLite', async () => {
    const { core: c } = await staffedDesk()
    const rows = c.db.prepare('SELECT * FROM operators').all()
    const text = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))
    expect(text).not.toMatch(/Ana|Martin|2468|13579/)
  })

  it('sign in at the start of a shift; the registration carries the operator id', async () => {
    const { core: c, call, ana } = await staffedDesk()
    expect(await call('sessionStatus')).toEqual({ operator: null, locked: true, operatorsExist: true })
    expect(await code(call('signIn', { operatorId: ana.id, pin: '1111' }))).toBe('wrong_operator_pin')
    expect(await call('signIn', { operatorId: ana.id, pin: '2468' })).toEqual({
      operator: ana,
      locked: false,
      operatorsExist: true,
    })
    const files = await documentFiles(dir)
    const clientId = randomUUID()
    await attachFile(c, clientId, 'identity', files.identity)
    await attachFile(c, clientId, 'enrollment', files.enrollment)
    await call('submitRegistration', { clientId, form: studentForm() })
    const claimed = claimOne(c.outbox, [], 'worker')!
    expect(JSON.parse(claimed.body.toString()).desk.operator).toBe(ana.id)
  })

  it('refuses a registration while no operator is signed in', async () => {
    const { call } = await staffedDesk()
    await call('signIn', { operatorId: null, pin: '482915' })
    expect(await code(call('submitRegistration', { clientId: randomUUID(), form: studentForm() }))).toBe(
      'operator_required',
    )
  })

  it("lock an operator's PIN out after five wrong tries, across a restart, without locking the others", async () => {
    const { call, ana, bob } = await staffedDesk()
    for (let i = 0; i < 3; i++)
      expect(await code(call('signIn', { operatorId: ana.id, pin: '0000' }))).toBe('wrong_operator_pin')
    const reopened = await desk()
    for (let i = 0; i < 2; i++) {
      expect(await code(reopened.call('signIn', { operatorId: ana.id, pin: '0000' }))).toBe(
        'wrong_operator_pin',
      )
    }
    const again = await desk()
    expect(await code(again.call('signIn', { operatorId: ana.id, pin: '2468' }))).toBe('pin_locked_out')
    expect((await again.call('signIn', { operatorId: bob.id, pin: '13579' })).operator).toEqual(bob)
    now += 61_000
    expect((await again.call('signIn', { operatorId: ana.id, pin: '2468' })).operator).toEqual(ana)
  })

  it('switch: signing in as another operator signs the first one out', async () => {
    const { core: c, call, ana, bob } = await staffedDesk()
    await call('signIn', { operatorId: ana.id, pin: '2468' })
    await call('lockScreen')
    expect(await call('sessionStatus')).toMatchObject({ operator: ana, locked: true })
    expect(await code(call('signIn', { operatorId: bob.id, pin: '0000' }))).toBe('wrong_operator_pin')
    await call('signIn', { operatorId: bob.id, pin: '13579' })
    const lastFive = c.audit.list().slice(-5)
    expect(lastFive.map((e) => [e.action, e.subject, e.detail])).toEqual([
      ['sign_in', ana.id, null],
      ['lock', null, null],
      ['sign_in', bob.id, { refused: 'wrong_operator_pin' }],
      ['sign_out', ana.id, { switched: true }],
      ['sign_in', bob.id, null],
    ])
  })
})

describe('the privacy screen in the core', () => {
  it('sends no name, e-mail or phone in the queue unless someone signed in at an open screen, and says so', async () => {
    const { core: c, call, ana } = await staffedDesk()
    const files = await documentFiles(dir)
    const clientId = await queueOne(c, files, 'lea.dupont@example.org')
    // A record to correct carries the student's phone, for the agent to call back.
    c.db.prepare("UPDATE registrations SET state = 'needs_attention' WHERE client_id = ?").run(clientId)
    const page = () => call('listQueue', { state: null, after: null, limit: 50 })
    const shown = async () => (await page()).items[0]!

    expect(await shown()).toMatchObject({
      name: null,
      email: null,
      phone: null,
      reference: expect.stringMatching(/^G-/),
    })
    expect((await page()).namesHidden).toBe(true)
    await call('signIn', { operatorId: ana.id, pin: '2468' })
    expect(await shown()).toMatchObject({ email: 'lea.dupont@example.org', phone: expect.any(String) })
    expect((await page()).namesHidden).toBe(false)
    await call('lockScreen')
    expect(await shown()).toMatchObject({ name: null, email: null })
    expect(await code(call('loadDraft'))).toBe('screen_locked')
    await call('signIn', { operatorId: ana.id, pin: '2468' })
    expect((await shown()).name).not.toBeNull()
    await call('signOut')
    expect(await shown()).toMatchObject({ name: null, email: null })
  })

  it('locks admin mode with the screen', async () => {
    const { call } = await staffedDesk()
    await call('signIn', { operatorId: null, pin: '482915' })
    expect((await call('adminStatus')).unlocked).toBe(true)
    await call('lockScreen')
    expect((await call('adminStatus')).unlocked).toBe(false)
    expect(
      await code(call('exportQueue', { path: `${dir}/x.guichet`, passphrase: 'correct horse battery' })),
    ).toBe('admin_required')
  })

  it('keeps the draft through a lock', async () => {
    const { call, ana } = await staffedDesk()
    await call('signIn', { operatorId: ana.id, pin: '2468' })
    const clientId = randomUUID()
    await call('saveDraft', { clientId, form: studentForm('draft@example.org') })
    await call('lockScreen')
    await call('saveDraft', { clientId, form: studentForm('draft.later@example.org') })
    await call('signIn', { operatorId: ana.id, pin: '2468' })
    expect((await call('loadDraft'))?.form.email).toBe('draft.later@example.org')
  })
})

describe('the backend address', () => {
  it('deletes the desk token when the backend origin changes, not when only the path changes', async () => {
    const { core: c, call } = await desk()
    const store = osKeychain()
    const account = accountFor(c.appInfo.dataDir, 'desk-token')
    await call('updateSettings', { backendUrl: 'https://api.example.fr/v1' })
    await call('setDeskToken', { token: 'tok_desk_3' })
    await call('updateSettings', { backendUrl: 'https://api.example.fr/guichet' })
    expect(await store.get(account)).toBe('tok_desk_3')
    await call('updateSettings', { backendUrl: 'https://evil.example.net' })
    expect(await store.get(account)).toBeNull()
    expect(await c.deskToken.get()).toBeNull()
    expect(
      c.audit
        .list()
        .filter((e) => e.action === 'settings_changed')
        .map((e) => e.detail),
    ).toEqual([
      { settings: ['backendUrl'], via: 'settings_screen' },
      { settings: ['backendUrl'], via: 'settings_screen' },
      { settings: ['backendUrl'], via: 'settings_screen' },
    ])
  })
})
