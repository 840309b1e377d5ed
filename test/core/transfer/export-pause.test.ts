import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { exportQueue } from '../../../electron/core/transfer/export'
import { importQueue } from '../../../electron/core/transfer/import'
import { assertStrongPassphrase } from '../../../electron/core/transfer/passphrase-strength'
import { Arrivals } from '../../backend/arrivals'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, nextEvent, openDesk, queueOne, tempDir } from '../sync/desk'

const PASSPHRASE = 'correct horse battery staple'
const arrivals = new Arrivals()
const t = useBackend({ onRequest: arrivals.onRequest })
let dirs: string[]
let desk: Core

beforeEach(async () => {
  dirs = [tempDir('guichet-fair-'), tempDir('guichet-file-')]
  desk = await openDesk(dirs[0]!, t.backend)
})
afterEach(() => {
  desk.close()
  cleanup(...dirs)
})

const sending = () =>
  desk.db.prepare("SELECT count(*) FROM registrations WHERE state = 'sending'").pluck().get() as number

describe('export while the sync runs', { timeout: 120_000 }, () => {
  it('stops the record being sent before reading the queue, and sends it once the file is written', async () => {
    const files = await documentFiles(dirs[1]!)
    const clientId = await queueOne(desk, files)
    assertStrongPassphrase(PASSPHRASE) // the dictionaries are indexed now, not while the upload hangs
    // The upload hangs: the record sits between its POST and its submit when the export starts.
    t.backend.faults.add({ kind: 'hang', route: 'uploadDocument', times: 1 })
    // Once the upload is under way, the sync has read what it sends: what is read after is the export's.
    const uploading = arrivals.next('uploadDocument')
    desk.sync.start()
    await uploading
    expect(desk.sync.isBusy(clientId)).toBe(true)

    // What the sync is doing at the moment the export reads each record (only the export asks for a body).
    const seenDuringExport: { sending: number; busy: boolean; paused: boolean }[] = []
    const body = desk.outbox.body.bind(desk.outbox)
    vi.spyOn(desk.outbox, 'body').mockImplementation((id, deskId) => {
      seenDuringExport.push({
        sending: sending(),
        busy: desk.sync.isBusy(clientId),
        paused: desk.sync.status().paused,
      })
      return body(id, deskId)
    })
    const file = join(dirs[1]!, 'queue.guichet')
    const submitted = nextEvent(desk, 'queueChanged', (counts) => counts.submitted === 1)
    expect(await exportQueue(desk, file, PASSPHRASE)).toMatchObject({ records: 1, documents: 2 })
    expect(seenDuringExport).toEqual([{ sending: 0, busy: false, paused: false }])

    // Resumed on its own, and the admin's pause setting was never touched.
    await submitted
    expect(desk.outbox.stateOf(clientId)).toBe('submitted')
    expect(desk.sync.status().paused).toBe(false)
    expect(t.backend.store.countRegistrations(clientId)).toBe(1)

    // The file holds the record as it stood: another desk importing it creates nothing twice.
    const office = await openDesk(tempDir('guichet-office-'), t.backend)
    try {
      await importQueue(office, file, PASSPHRASE)
      await office.sync.drain()
      expect(t.backend.store.countRegistrations(clientId)).toBe(1)
    } finally {
      office.close()
      cleanup(office.appInfo.dataDir)
    }
  })
})
