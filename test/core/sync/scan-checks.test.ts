import { rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { attachFile } from '../../../electron/core/registrations/attach'
import { largePdf } from '../../fixtures/documents/corpus'
import { useBackend } from '../../backend/use-backend'
import { cleanup, deskOf, openDesk, queueOne, tempDir } from './desk'
import { VirtualClock } from './virtual-clock'

/**
 * The first POST declares a record's scans for good: the backend refuses another body under the same
 * key. A scan gone or cut short on the desk must be found before it, while the agent can still
 * correct the record, and said as what it is.
 */
const t = useBackend()
let dataDir: string
let core: Core
let clock: VirtualClock
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir()
  clock = new VirtualClock()
  core = await openDesk(dataDir, t.backend, { clock })
  // The passport over 256 KiB leaves from the upload thread; the enrollment is read at once.
  files = { identity: join(dataDir, 'passport.pdf'), enrollment: join(dataDir, 'enrollment.pdf') }
  writeFileSync(files.identity, await largePdf(1_312_345))
  writeFileSync(files.enrollment, await largePdf(204_321))
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

const item = (clientId: string) =>
  core.outbox.list({ state: null, after: null, limit: 10 }).items.find((i) => i.clientId === clientId)

function scanFile(clientId: string, kind: 'identity' | 'enrollment'): string {
  const id = core.documents.list(clientId).find((d) => d.kind === kind)!.id
  return join(dataDir, 'documents', `${id}.bin`)
}

/** The agent's "Correct": the scan the desk lost is removed, attached again from its original, and the record sent. */
async function correctWithScan(clientId: string, kind: 'identity' | 'enrollment'): Promise<void> {
  core.outbox.reopenForCorrection(core.registrations, clientId)
  const draft = core.registrations.loadDraft()!
  expect(draft.clientId).toBe(clientId)
  core.documents.remove(core.documents.list(clientId).find((d) => d.kind === kind)!.id)
  await attachFile(core, clientId, kind, files[kind])
  await core.registrations.submit(clientId, draft.form, deskOf(core), core.reference.context(core.now()))
}

function expectSentOnce(clientId: string): void {
  expect(item(clientId)?.state).toBe('submitted')
  expect(t.backend.store.countRegistrations(clientId)).toBe(1)
  const held = t.backend.store.registrationByClientId(clientId)!
  expect(held.status).toBe('submitted')
  expect(t.backend.store.storedDocuments(held.id)).toHaveLength(2)
}

const posts = () => t.backend.log.filter((e) => e.route === 'createRegistration')

describe('the scans of a record, checked before the backend is told of them', () => {
  it.each(['identity', 'enrollment'] as const)(
    'the %s scan gone from the desk: nothing sent, the record correctable, then sent once',
    async (kind) => {
      const clientId = await queueOne(core, files)
      rmSync(scanFile(clientId, kind))

      await core.sync.drain()

      expect(item(clientId)).toMatchObject({
        state: 'needs_attention',
        serverId: null,
        lastError: { code: 'document_missing' },
      })
      expect(posts()).toEqual([])

      await correctWithScan(clientId, kind)
      await core.sync.drain()
      expectSentOnce(clientId)
    },
  )

  it.each(['identity', 'enrollment'] as const)(
    'the %s scan cut short on the desk: said damaged or incomplete (not a key reset), correctable, then sent once',
    async (kind) => {
      const clientId = await queueOne(core, files)
      const file = scanFile(clientId, kind)
      truncateSync(file, Math.floor((kind === 'identity' ? 1_312_345 : 204_321) * 0.6))

      await core.sync.drain()

      const problem = item(clientId)?.lastError
      expect(item(clientId)).toMatchObject({ state: 'needs_attention', serverId: null })
      expect(problem?.code).toBe('document_damaged')
      expect(problem?.message).toMatch(/damaged or incomplete/)
      expect(problem?.message).not.toMatch(/key/)
      expect(posts()).toEqual([])

      await correctWithScan(clientId, kind)
      await core.sync.drain()
      expectSentOnce(clientId)
    },
  )

  it('every scan gone: the POST goes on, as for a record this desk sent and a power cut brought back', async () => {
    // The other case, the backend holding it all, is test/core/sync/unflushed-sync.test.ts.
    const clientId = await queueOne(core, files)
    for (const kind of ['identity', 'enrollment'] as const) rmSync(scanFile(clientId, kind))

    await core.sync.drain()

    // Created only now: the record cannot be corrected, and the queue says to capture it again.
    const serverId = t.backend.store.registrationByClientId(clientId)?.id
    expect(posts().map((e) => e.status)).toEqual([201])
    expect(item(clientId)).toMatchObject({
      state: 'needs_attention',
      serverId,
      lastError: { code: 'document_missing' },
    })
  })

  it('a scan cut short once the backend holds the record: found before it is sent, never as a key reset', async () => {
    const clientId = await queueOne(core, files)
    t.backend.faults.add({ kind: 'status', status: 503, route: 'uploadDocument', times: 1 })
    await core.sync.drain()
    const serverId = t.backend.store.registrationByClientId(clientId)!.id
    expect(item(clientId)).toMatchObject({ state: 'retry_wait', serverId })
    truncateSync(scanFile(clientId, 'identity'), 700_001)

    clock.advance(60_000)
    await core.sync.drain()

    expect(item(clientId)).toMatchObject({
      state: 'needs_attention',
      serverId,
      lastError: { code: 'document_damaged' },
    })
    // Said in the queue as a registration to discard and capture again: see the queue screen's test.
    expect(() => core.outbox.reopenForCorrection(core.registrations, clientId)).toThrow(
      expect.objectContaining({ code: 'not_correctable' }),
    )
  })
})
