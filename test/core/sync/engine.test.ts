import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../src/domain/ipc/events'
import { createHandlers } from '../../../electron/core/handlers'
import { createBackend } from '../../backend/server'
import { useBackend } from '../../backend/use-backend'
import { deskOf, fastSync, nextEvent, openDesk, queueOne, studentForm, tempDir, useDesk } from './desk'

const t = useBackend()
const desk = useDesk(t)

function expectReceivedOnce(clientId: string): void {
  expect(t.backend.store.countRegistrations(clientId)).toBe(1)
  const held = t.backend.store.registrationByClientId(clientId)!
  expect(held.status).toBe('submitted')
  expect(t.backend.store.storedDocuments(held.id)).toHaveLength(held.documents.length)
}

describe('the sync engine against the reference backend', () => {
  it('sends a record in three steps, then deletes its scans and keeps a receipt', async () => {
    const clientId = await queueOne(desk.core, desk.files)
    expect(readdirSync(join(desk.dataDir, 'documents'))).toHaveLength(2)

    const { counts } = await desk.core.sync.drain()

    expect(counts).toMatchObject({ submitted: 1, queued: 0 })
    expectReceivedOnce(clientId)
    expect(t.backend.log.map((e) => [e.route, e.status])).toEqual([
      ['health', 200],
      ['createRegistration', 201],
      ['uploadDocument', 201],
      ['uploadDocument', 201],
      ['submitRegistration', 200],
    ])
    expect(readdirSync(join(desk.dataDir, 'documents'))).toEqual([])
    expect(desk.core.documents.list(clientId)).toEqual([])
    expect(desk.item(clientId)).toMatchObject({
      state: 'submitted',
      serverStatus: 'submitted',
      name: 'Nguyen Linh',
    })
    expect(desk.item(clientId)?.serverId).toBe(t.backend.store.registrationByClientId(clientId)?.id)
  })

  it('sends the contract shape: no field the contract v1 does not name, documents declared once', async () => {
    const clientId = await queueOne(desk.core, desk.files)
    await desk.core.sync.drain()
    const body = t.backend.store.registrationByClientId(clientId)!.body as {
      student: { establishment: object; email: string }
      desk: unknown
      documents: { kind: string }[]
    }
    expect(Object.keys(body)).toEqual(['clientId', 'capturedAt', 'desk', 'student', 'documents'])
    expect(body.student.establishment).not.toHaveProperty('country')
    expect(body.student.email).toMatch(/@example\.org$/)
    expect(body.desk).toEqual({ id: 'test-desk-1', event: 'Salon test', operator: 'QA' })
    expect(body.documents.map((d) => d.kind)).toEqual(['identity', 'enrollment'])
  })

  it('drains a schedule of server faults to zero, each record received exactly once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push(await queueOne(desk.core, desk.files))
    const { faults } = t.backend
    faults.add({ kind: 'status', status: 500, route: 'createRegistration', times: 2 })
    faults.add({ kind: 'status', status: 503, retryAfter: 1, route: 'createRegistration', times: 1 })
    faults.add({ kind: 'lose-response', route: 'createRegistration', times: 2 })
    faults.add({ kind: 'hang', route: 'createRegistration', times: 1 })
    faults.add({ kind: 'status', status: 429, retryAfter: 1, route: 'uploadDocument', times: 1 })
    faults.add({ kind: 'drop', afterBodyBytes: 200, route: 'uploadDocument', times: 1 })
    faults.add({ kind: 'lose-response', route: 'submitRegistration', times: 1 })
    faults.add({ kind: 'status', status: 502, route: 'submitRegistration', times: 1 })

    const { counts } = await desk.core.sync.drain({ maxWaitMs: 10_000 })

    expect(counts).toMatchObject({ submitted: 6, queued: 0, retry_wait: 0, sending: 0, needs_attention: 0 })
    for (const id of ids) expectReceivedOnce(id)
    const applied = new Set(t.backend.log.map((e) => e.fault))
    for (const kind of ['status', 'lose-response', 'hang', 'drop']) expect(applied).toContain(kind)
    expect(t.backend.log.some((e) => e.status === 422)).toBe(false)
  })

  it('says a sync succeeded only when the backend took what was due, not when it answered 503', async () => {
    const a = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 503, retryAfter: 120 })
    await desk.core.sync.drain()
    expect(desk.item(a)).toMatchObject({ state: 'retry_wait', lastError: { code: 'http_503' } })
    // Reachable (not "offline"), but nothing went through: no "last successful sync" to show.
    expect(desk.core.sync.status()).toMatchObject({ online: true, lastSyncAt: null })

    t.backend.faults.clear()
    desk.clock.advance(121_000)
    await desk.core.sync.drain()
    expect(desk.item(a)?.state).toBe('submitted')
    expect(desk.core.sync.status().lastSyncAt).toBe(desk.clock.now().toISOString())
  })

  it('waits at least what Retry-After asks, in seconds or as an HTTP date', async () => {
    const a = await queueOne(desk.core, desk.files)
    t.backend.faults.add({
      kind: 'status',
      status: 503,
      retryAfter: 120,
      route: 'createRegistration',
      times: 1,
    })
    await desk.core.sync.drain()
    const waited = Date.parse(desk.item(a)!.nextAttemptAt!) - desk.clock.now().getTime()
    expect(desk.item(a)).toMatchObject({ state: 'retry_wait', attempts: 1, lastError: { code: 'http_503' } })
    expect(waited).toBeGreaterThan(110_000)

    const b = await queueOne(desk.core, desk.files)
    const date = new Date(desk.clock.now().getTime() + 3_600_000).toUTCString()
    t.backend.faults.add({
      kind: 'status',
      status: 429,
      retryAfter: date,
      route: 'createRegistration',
      times: 1,
    })
    await desk.core.sync.drain()
    expect(Date.parse(desk.item(b)!.nextAttemptAt!) - desk.clock.now().getTime()).toBeGreaterThan(3_500_000)
    expect(desk.item(a)?.state).toBe('retry_wait')
  })

  it.each(['html', 'json'] as const)(
    'takes a captive portal (%s) for offline and sends nothing',
    async (page) => {
      await queueOne(desk.core, desk.files)
      t.backend.faults.add({ kind: 'captive-portal', page })

      const { status, counts } = await desk.core.sync.drain()

      expect(status.online).toBe(false)
      expect(counts.queued).toBe(1)
      expect(t.backend.log.every((e) => e.route === 'health')).toBe(true)
      expect(await desk.core.sync.testConnection()).toEqual({ result: 'captive_portal' })
    },
  )

  it.each(['html', 'json'] as const)(
    'keeps a record and its scans when a Wi-Fi login page (%s) answers its submit, and submits it later',
    async (page) => {
      const clientId = await queueOne(desk.core, desk.files)
      t.backend.faults.add({ kind: 'captive-portal', page, route: 'submitRegistration', times: 1 })

      await desk.core.sync.drain()

      expect(desk.item(clientId)).toMatchObject({
        state: 'retry_wait',
        lastError: { code: 'unexpected_answer' },
      })
      expect(readdirSync(join(desk.dataDir, 'documents'))).toHaveLength(2)
      expect(t.backend.store.registrationByClientId(clientId)?.status).toBe('awaiting_documents')

      const { counts } = await desk.core.sync.drain({ maxWaitMs: 10_000 })
      expect(counts).toMatchObject({ submitted: 1, retry_wait: 0 })
      expectReceivedOnce(clientId)
      expect(desk.item(clientId)).toMatchObject({ state: 'submitted', serverStatus: 'submitted' })
      expect(readdirSync(join(desk.dataDir, 'documents'))).toEqual([])
    },
  )

  it('stops on 401 until a new token is provisioned, and remembers it across a restart', async () => {
    const clientId = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 401, route: 'createRegistration', times: 1 })

    const first = await desk.core.sync.drain()
    expect(first.status.stopped).toBe('unauthorized')
    expect(desk.item(clientId)).toMatchObject({ state: 'queued', attempts: 0 })

    desk.core.close()
    desk.core = await openDesk(desk.dataDir, t.backend, { clock: desk.clock })
    expect(desk.core.sync.status().stopped).toBe('unauthorized')
    const requests = t.backend.log.length
    await desk.core.sync.drain()
    expect(t.backend.log).toHaveLength(requests)

    desk.core.sync.tokenChanged()
    expect((await desk.core.sync.drain()).counts.submitted).toBe(1)
    expectReceivedOnce(clientId)
  })

  it('stops on 403 as on 401', async () => {
    await queueOne(desk.core, desk.files)
    t.backend.auth.disable(t.backend.token)
    expect((await desk.core.sync.drain()).status.stopped).toBe('unauthorized')
    expect(await desk.core.sync.testConnection()).toEqual({ result: 'forbidden' })
  })

  it('sends nothing until the desk has an id, saying it is not configured', async () => {
    desk.core.settings.update({ deskId: '' })
    await queueOne(desk.core, desk.files)
    const { status, counts } = await desk.core.sync.drain()
    expect(status.stopped).toBe('not_configured')
    expect(counts.queued).toBe(1)
    expect(t.backend.log).toEqual([])
  })

  it('tests the connection step by step', async () => {
    expect(await desk.core.sync.testConnection()).toEqual({ result: 'ok' })
    const unset = await openDesk(tempDir(), null)
    expect(await unset.sync.testConnection()).toEqual({
      result: 'not_configured',
      missing: ['backendUrl', 'token'],
    })
    unset.close()
    const wrong = await openDesk(tempDir(), { url: t.backend.url, token: 'not-the-token' })
    expect(await wrong.sync.testConnection()).toEqual({ result: 'unauthorized' })
    wrong.close()
    const away = await openDesk(tempDir(), { url: 'http://127.0.0.1:9', token: 'x' })
    expect(await away.sync.testConnection()).toEqual({ result: 'offline' })
    away.close()
  })

  it('keeps the backend’s id with a try that failed after the POST: such a record is not offered for correction', async () => {
    const refused = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 422, route: 'uploadDocument', times: 1 })
    await desk.core.sync.drain()
    const heldId = t.backend.store.registrationByClientId(refused)?.id
    expect(heldId).toBeDefined()
    expect(desk.item(refused)).toMatchObject({ state: 'needs_attention', serverId: heldId })
    expect(() => desk.core.outbox.reopenForCorrection(desk.core.registrations, refused)).toThrow(
      expect.objectContaining({ code: 'not_correctable' }),
    )

    const waiting = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 503, route: 'submitRegistration', times: 1 })
    await desk.core.sync.drain()
    expect(desk.item(waiting)).toMatchObject({
      state: 'retry_wait',
      serverId: t.backend.store.registrationByClientId(waiting)?.id,
    })
  })

  it('puts an e-mail taken elsewhere in needs_attention; corrected, the same clientId is sent', async () => {
    const taken = `${randomUUID()}@example.org`
    t.backend.faults.emailTaken(taken)
    const clientId = await queueOne(desk.core, desk.files, taken)
    const other = await queueOne(desk.core, desk.files)

    await desk.core.sync.drain()
    expect(desk.item(other)?.state).toBe('submitted')
    expect(desk.item(clientId)).toMatchObject({
      state: 'needs_attention',
      lastError: { code: 'email_taken' },
    })
    expect(desk.core.outbox.problemOf(clientId)?.fields).toEqual([
      { path: 'email', code: 'email_taken', message: 'email_taken' },
    ])

    const correction = desk.core.outbox.reopenForCorrection(desk.core.registrations, clientId)
    expect(correction.problem?.code).toBe('email_taken')
    const draft = desk.core.registrations.loadDraft()!
    expect(draft.clientId).toBe(clientId)
    expect(draft.form.email).toBe(taken)
    // The form shows the date as it was typed and as its hint asks, not the stored ISO 2005-04-17.
    expect(draft.form.birthDate).toBe('17/04/2005')
    expect(desk.core.documents.list(clientId)).toHaveLength(2)
    const fixed = `${randomUUID()}@example.org`
    await desk.core.registrations.submit(
      clientId,
      { ...draft.form, email: fixed, emailConfirmation: fixed },
      deskOf(desk.core),
      desk.core.reference.context(desk.core.now()),
    )

    await desk.core.sync.drain()
    expectReceivedOnce(clientId)
    expect(t.backend.store.registrationByClientId(clientId)?.email).toBe(fixed)
  })

  it("keeps a 422's complaints per field, sealed, for the form", async () => {
    const strict = await createBackend({ limits: { documentBytes: 100 } })
    desk.core.close()
    desk.core = await openDesk(desk.dataDir, strict)
    const clientId = await queueOne(desk.core, desk.files)
    await desk.core.sync.drain()
    await strict.close()
    expect(desk.item(clientId)).toMatchObject({
      state: 'needs_attention',
      lastError: { code: 'validation_failed' },
    })
    expect(desk.core.outbox.problemOf(clientId)?.fields?.map((f) => f.path)).toEqual([
      'documents[0].size',
      'documents[1].size',
    ])
  })

  it('refuses to reopen a record the backend already holds, or while another draft is being typed', async () => {
    const clientId = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 415, route: 'uploadDocument', times: 1 })
    await desk.core.sync.drain()
    expect(desk.item(clientId)?.state).toBe('needs_attention')
    expect(() => desk.core.outbox.reopenForCorrection(desk.core.registrations, clientId)).toThrow(
      /backend refused before/,
    )

    const taken = `${randomUUID()}@example.org`
    t.backend.faults.emailTaken(taken)
    const refused = await queueOne(desk.core, desk.files, taken)
    await desk.core.sync.drain()
    desk.core.registrations.saveDraft(randomUUID(), { ...studentForm(), lastName: 'Typing' })
    expect(() => desk.core.outbox.reopenForCorrection(desk.core.registrations, refused)).toThrow(
      /being filled in/,
    )
  })

  it('pauses and resumes, and the pause survives a restart', async () => {
    await queueOne(desk.core, desk.files)
    desk.core.sync.pause()
    expect((await desk.core.sync.drain()).counts.queued).toBe(1)
    expect(t.backend.log).toEqual([])
    desk.core.close()
    desk.core = await openDesk(desk.dataDir, t.backend, { clock: desk.clock })
    expect(desk.core.sync.status().paused).toBe(true)
    desk.core.sync.resume()
    expect((await desk.core.sync.drain()).counts.submitted).toBe(1)
  })

  it('refreshes the status of sent records while it keeps them, then purges them to a receipt', async () => {
    desk.core.close()
    desk.core = await openDesk(desk.dataDir, t.backend, {
      clock: desk.clock,
      syncTuning: { ...fastSync, statusRefreshMs: 0 },
    })
    const clientId = await queueOne(desk.core, desk.files)
    await desk.core.sync.drain()
    t.backend.store.setStatus(desk.item(clientId)!.serverId!, 'verified')
    desk.clock.advance(1000)
    await desk.core.sync.drain()
    expect(desk.item(clientId)).toMatchObject({ serverStatus: 'verified', purgedAt: null })

    desk.clock.advance(31 * 86_400_000)
    await desk.core.sync.drain()
    const receipt = desk.item(clientId)!
    expect(receipt).toMatchObject({ state: 'submitted', name: null, email: null, serverStatus: 'verified' })
    expect(receipt.purgedAt).not.toBeNull()
    expect(receipt.reference).toMatch(/^G-/)
    expect(() => desk.core.registrations.read(clientId)).toThrow()
  })

  it('submits again a sent record the backend still holds awaiting documents, or says it is incomplete', async () => {
    desk.core.close()
    desk.core = await openDesk(desk.dataDir, t.backend, {
      clock: desk.clock,
      syncTuning: { ...fastSync, statusRefreshMs: 0 },
    })
    // As a desk left them before submits were checked: taken for submitted, the backend never told.
    const landed = await queueOne(desk.core, desk.files)
    const lost = await queueOne(desk.core, desk.files)
    await desk.core.sync.drain()
    const held = (id: string) => t.backend.store.registrationByClientId(id)!
    for (const id of [landed, lost]) t.backend.store.setStatus(held(id).id, 'awaiting_documents')
    held(lost).files.clear()

    desk.clock.advance(1000)
    await desk.core.sync.drain()

    // Every upload had landed: the submit asked again creates the account.
    expect(held(landed).status).toBe('submitted')
    expect(desk.item(landed)).toMatchObject({ state: 'submitted', serverStatus: 'submitted' })
    // The scans are gone from both sides: the queue says so (see the queue screen's test).
    expect(held(lost).status).toBe('awaiting_documents')
    expect(desk.item(lost)).toMatchObject({ state: 'submitted', serverStatus: 'awaiting_documents' })
  })

  it('sends the e-mail verification typed at the desk, only for the address verified', async () => {
    const email = `${randomUUID()}@example.org`
    const clientId = randomUUID()
    const sent = await desk.core.emailVerification.send(email)
    const proof = await desk.core.emailVerification.confirm(
      clientId,
      sent.id,
      t.backend.store.lastCode(email)!,
    )
    await queueOne(desk.core, desk.files, email, clientId)
    // Verified, then the address was corrected before the record was queued.
    const changed = randomUUID()
    const before = `${randomUUID()}@example.org`
    const other = await desk.core.emailVerification.send(before)
    await desk.core.emailVerification.confirm(changed, other.id, t.backend.store.lastCode(before)!)
    await queueOne(desk.core, desk.files, `${randomUUID()}@example.org`, changed)

    await desk.core.sync.drain()
    const body = (id: string) => t.backend.store.registrationByClientId(id)!.body as Record<string, unknown>
    expect(body(clientId)['emailVerification']).toEqual(proof)
    expect(body(changed)).not.toHaveProperty('emailVerification')
    await expect(desk.core.emailVerification.confirm(clientId, sent.id, 'ZZZZZZ')).rejects.toMatchObject({
      code: 'wrong_code',
    })
  })

  it('runs by itself: on enqueue, with upload progress, and when the backend comes back', async () => {
    const statuses: SyncStatus[] = []
    desk.core.events.on('syncStatus', (status) => statuses.push(status))
    t.backend.faults.add({ kind: 'captive-portal', page: 'html' })
    // Each pass of the running sync ends by setting the timer of the next one.
    let passOver = desk.clock.nextTimer()
    desk.core.sync.start()
    await passOver
    expect(t.backend.log.map((e) => e.fault)).toEqual(['captive-portal'])

    const handlers = createHandlers(desk.core, { chooseFiles: async () => [] })
    const clientId = randomUUID()
    // As the file dialog does with what the agent picks.
    desk.core.grants.grant([desk.files.identity, desk.files.enrollment])
    await handlers.attachDocument({ clientId, kind: 'identity', path: desk.files.identity })
    await handlers.attachDocument({ clientId, kind: 'enrollment', path: desk.files.enrollment })
    passOver = desk.clock.nextTimer()
    await handlers.submitRegistration({ clientId, form: studentForm() })
    expect(desk.core.outbox.counts().queued).toBe(1)
    // Queuing woke the sync, which found the portal still there and sent nothing.
    await passOver
    expect(t.backend.log.every((e) => e.fault === 'captive-portal')).toBe(true)
    expect(desk.core.outbox.counts().queued).toBe(1)

    t.backend.faults.clear()
    const submitted = nextEvent(desk.core, 'queueChanged', (counts) => counts.submitted === 1)
    // Nothing but the offline probe's timer brings the sync back.
    desk.clock.advance(fastSync.offlineProbeMs!)
    await submitted
    expect(statuses.some((s) => s.online)).toBe(true)
    const progress = statuses.flatMap((s) => (s.uploading ? [s.uploading] : []))
    expect(progress.at(-1)).toMatchObject({ clientId })
    expect(progress.at(-1)?.sentBytes).toBe(progress.at(-1)?.totalBytes)

    const again = await handlers.listQueue({ state: 'submitted', after: null, limit: 10 })
    expect(again.items.map((i) => i.clientId)).toEqual([clientId])
  })
})
