import { rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { attachFile } from '../../../electron/core/registrations/attach'
import { largePdf } from '../../fixtures/documents/corpus'
import { useBackend } from '../../backend/use-backend'
import { deskOf, queueOne, useDesk, type ScanFiles } from './desk'

/**
 * The first POST declares a record's scans for good: the backend refuses another body under the same
 * key. A scan gone or cut short on the desk must be found before it, while the agent can still
 * correct the record, and said as what it is.
 */
const t = useBackend()
const desk = useDesk(t, { files: sizedScans })

/** The passport over 256 KiB leaves from the upload thread; the enrollment is read at once. */
async function sizedScans(dataDir: string): Promise<ScanFiles> {
  const files = { identity: join(dataDir, 'passport.pdf'), enrollment: join(dataDir, 'enrollment.pdf') }
  writeFileSync(files.identity, await largePdf(1_312_345))
  writeFileSync(files.enrollment, await largePdf(204_321))
  return files
}

function scanFile(clientId: string, kind: 'identity' | 'enrollment'): string {
  const id = desk.core.documents.list(clientId).find((d) => d.kind === kind)!.id
  return join(desk.dataDir, 'documents', `${id}.bin`)
}

/** The agent's "Correct": the scan the desk lost is removed, attached again from its original, and the record sent. */
async function correctWithScan(clientId: string, kind: 'identity' | 'enrollment'): Promise<void> {
  desk.core.outbox.reopenForCorrection(desk.core.registrations, clientId)
  const draft = desk.core.registrations.loadDraft()!
  expect(draft.clientId).toBe(clientId)
  desk.core.documents.remove(desk.core.documents.list(clientId).find((d) => d.kind === kind)!.id)
  await attachFile(desk.core, clientId, kind, desk.files[kind])
  await desk.core.registrations.submit(
    clientId,
    draft.form,
    deskOf(desk.core),
    desk.core.reference.context(desk.core.now()),
  )
}

function expectSentOnce(clientId: string): void {
  expect(desk.item(clientId)?.state).toBe('submitted')
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
      const clientId = await queueOne(desk.core, desk.files)
      rmSync(scanFile(clientId, kind))

      await desk.core.sync.drain()

      expect(desk.item(clientId)).toMatchObject({
        state: 'needs_attention',
        serverId: null,
        lastError: { code: 'document_missing' },
      })
      expect(posts()).toEqual([])

      await correctWithScan(clientId, kind)
      await desk.core.sync.drain()
      expectSentOnce(clientId)
    },
  )

  it.each(['identity', 'enrollment'] as const)(
    'the %s scan cut short on the desk: said damaged or incomplete (not a key reset), correctable, then sent once',
    async (kind) => {
      const clientId = await queueOne(desk.core, desk.files)
      const file = scanFile(clientId, kind)
      truncateSync(file, Math.floor((kind === 'identity' ? 1_312_345 : 204_321) * 0.6))

      await desk.core.sync.drain()

      const problem = desk.item(clientId)?.lastError
      expect(desk.item(clientId)).toMatchObject({ state: 'needs_attention', serverId: null })
      expect(problem?.code).toBe('document_damaged')
      expect(problem?.message).toMatch(/damaged or incomplete/)
      expect(problem?.message).not.toMatch(/key/)
      expect(posts()).toEqual([])

      await correctWithScan(clientId, kind)
      await desk.core.sync.drain()
      expectSentOnce(clientId)
    },
  )

  it('every scan gone: the POST goes on, as for a record this desk sent and a power cut brought back', async () => {
    // The other case, the backend holding it all, is test/core/sync/unflushed-sync.test.ts.
    const clientId = await queueOne(desk.core, desk.files)
    for (const kind of ['identity', 'enrollment'] as const) rmSync(scanFile(clientId, kind))

    await desk.core.sync.drain()

    // Created only now: the record cannot be corrected, and the queue says to capture it again.
    const serverId = t.backend.store.registrationByClientId(clientId)?.id
    expect(posts().map((e) => e.status)).toEqual([201])
    expect(desk.item(clientId)).toMatchObject({
      state: 'needs_attention',
      serverId,
      lastError: { code: 'document_missing' },
    })
  })

  it('a scan cut short once the backend holds the record: found before it is sent, never as a key reset', async () => {
    const clientId = await queueOne(desk.core, desk.files)
    t.backend.faults.add({ kind: 'status', status: 503, route: 'uploadDocument', times: 1 })
    await desk.core.sync.drain()
    const serverId = t.backend.store.registrationByClientId(clientId)!.id
    expect(desk.item(clientId)).toMatchObject({ state: 'retry_wait', serverId })
    truncateSync(scanFile(clientId, 'identity'), 700_001)

    desk.clock.advance(60_000)
    await desk.core.sync.drain()

    expect(desk.item(clientId)).toMatchObject({
      state: 'needs_attention',
      serverId,
      lastError: { code: 'document_damaged' },
    })
    // Said in the queue as a registration to discard and capture again: see the queue screen's test.
    expect(() => desk.core.outbox.reopenForCorrection(desk.core.registrations, clientId)).toThrow(
      expect.objectContaining({ code: 'not_correctable' }),
    )
  })
})
