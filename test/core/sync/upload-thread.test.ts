import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import { NetworkFailure } from '../../../electron/core/sync/transport'
import { GuichetFailure } from '../../../src/domain/result'
import { largePdf } from '../../fixtures/documents/corpus'
import { useBackend } from '../../backend/use-backend'
import { cleanup, fastSync, nextEvent, openDesk, queueOne, tempDir } from './desk'
import { VirtualClock } from './virtual-clock'

/**
 * Scans over 256 KiB leave from the sync's upload thread (upload-thread.ts): what goes wrong there
 * must reach the queue with the meaning it had, as when the sync's own thread sent them.
 */
const t = useBackend()
let dataDir: string
let core: Core
let clock: VirtualClock
let files: { identity: string; enrollment: string }
const bugs: unknown[] = []

beforeEach(async () => {
  dataDir = tempDir()
  clock = new VirtualClock()
  bugs.length = 0
  core = await openDesk(dataDir, t.backend, { clock, onUnexpected: (error) => bugs.push(error) })
  files = { identity: join(dataDir, 'passport.pdf'), enrollment: join(dataDir, 'enrollment.pdf') }
  writeFileSync(files.identity, await largePdf(1_312_345))
  writeFileSync(files.enrollment, await largePdf(983_041))
})
let stalled: Server | undefined
afterEach(() => {
  stalled?.close()
  stalled = undefined
  core.close()
  cleanup(dataDir)
})

const item = (clientId: string) =>
  core.outbox.list({ state: null, after: null, limit: 10 }).items.find((i) => i.clientId === clientId)

/** The sealed file of the record's passport scan, in the desk's vault. */
function passportFile(clientId: string): string {
  const id = core.db
    .prepare("SELECT id FROM documents WHERE client_id = ? AND kind = 'identity'")
    .pluck()
    .get(clientId) as string
  return join(dataDir, 'documents', `${id}.bin`)
}

const uploads = () => t.backend.log.filter((e) => e.route === 'uploadDocument')

describe('scans sent from the upload thread', () => {
  it('arrive whole, each once, and leave the vault', async () => {
    const clientId = await queueOne(core, files)

    const { counts } = await core.sync.drain()

    expect(counts).toMatchObject({ submitted: 1, needs_attention: 0, retry_wait: 0 })
    const held = t.backend.store.registrationByClientId(clientId)!
    expect(t.backend.store.storedDocuments(held.id)).toHaveLength(2)
    expect(
      uploads()
        .map((e) => [e.status, e.bodyBytes])
        .sort(),
    ).toEqual(held.documents.map((d) => [201, d.size]).sort())
    expect(bugs).toEqual([])
  })

  it('never sends a scan altered on the disk: the record waits for a person, saying why', async () => {
    const clientId = await queueOne(core, files)
    const file = passportFile(clientId)
    const sealed = readFileSync(file)
    sealed[Math.floor(sealed.length / 2)]! ^= 0x01
    writeFileSync(file, sealed)

    await core.sync.drain()

    expect(item(clientId)).toMatchObject({ state: 'needs_attention', lastError: { code: 'decrypt_failed' } })
    const held = t.backend.store.registrationByClientId(clientId)!
    expect(t.backend.store.storedDocuments(held.id)).not.toContain(
      held.documents.find((d) => d.kind === 'identity')!.sha256,
    )
    expect(bugs).toEqual([])
  })

  it('says a scan gone from the vault is missing, for the agent to attach it again', async () => {
    const clientId = await queueOne(core, files)
    rmSync(passportFile(clientId))

    await core.sync.drain()

    expect(item(clientId)).toMatchObject({
      state: 'needs_attention',
      lastError: { code: 'document_missing' },
    })
    expect(bugs).toEqual([])
  })

  it('gives a fault of the thread back as a bug with its stack, never as the network', async () => {
    // A folder where a scan should be: reading it fails with EISDIR, which nothing expects.
    const folder = join(dataDir, 'not-a-scan')
    mkdirSync(folder)
    const transport = httpTransport({ maxSockets: 1 })
    const sealed = { path: folder, length: 300_000, aad: Buffer.of(1), key: Buffer.alloc(32) }
    const sending = transport.request({
      method: 'PUT',
      url: `${t.backend.url}/v1/registrations/x/documents/y`,
      headers: {},
      body: sealed,
      timeoutMs: 5_000,
      signal: new AbortController().signal,
    })

    const bug = (await sending.catch((error: unknown) => error)) as Error
    expect(bug).not.toBeInstanceOf(NetworkFailure)
    expect(bug).not.toBeInstanceOf(GuichetFailure)
    expect(bug.message).toMatch(/EISDIR/)
    expect(bug.stack).toMatch(/sealed-file/)
    expect(t.backend.log).toEqual([])
  })

  it.each([
    // Only the network's own timeout is real time: this one hangs for real, its timeout short but
    // far above what any other request of the test takes on a loaded machine.
    [
      'stops answering',
      'timeout',
      { kind: 'hang' } as const,
      { timeoutMs: 2_000, minUploadBytesPerSecond: 1e9 },
    ],
    ['cuts the connection mid-upload', 'network', { kind: 'drop', afterBodyBytes: 300_001 } as const, {}],
  ])('tells a backend that %s from a bug (%s), tried again later', async (_what, code, fault, tuning) => {
    core.close()
    core = await openDesk(dataDir, t.backend, {
      clock,
      syncTuning: { ...fastSync, ...tuning },
      onUnexpected: (error) => bugs.push(error),
    })
    const clientId = await queueOne(core, files)
    t.backend.faults.add({ ...fault, route: 'uploadDocument', times: 1 })

    const { status } = await core.sync.drain()

    expect(item(clientId)).toMatchObject({ state: 'retry_wait', attempts: 1, lastError: { code } })
    expect(status.online).toBe(true)
    expect(bugs).toEqual([])
  })

  it('stops an upload under way when the sync is paused, without counting a try', async () => {
    const clientId = await queueOne(core, files)
    t.backend.faults.add({ kind: 'hang', route: 'uploadDocument', times: 1 })
    const uploading = nextEvent(core, 'syncStatus', (s) => s.uploading?.clientId === clientId)
    core.sync.start()
    await uploading
    core.sync.pause()
    await core.sync.drain()

    expect(item(clientId)).toMatchObject({ state: 'awaiting_documents', attempts: 0 })
    core.sync.resume()
    const { counts } = await core.sync.drain()
    expect(counts).toMatchObject({ submitted: 1 })
    expect(bugs).toEqual([])
  })

  it('lets go of the request on the thread when its signal aborts: the server sees the connection close', async () => {
    // A server that reads the body and never answers, as a stalled proxy would.
    const closed = new Promise<void>((resolve) => {
      stalled = createServer((req) => req.resume().once('close', () => resolve())).listen(0, '127.0.0.1')
    })
    await once(stalled!, 'listening')
    const vault = new DocumentVault(join(dataDir, 'vault'), randomBytes(32))
    const scan = randomBytes(1_000_001)
    const body = await vault.outgoing({ id: await vault.put(scan), size: scan.length })
    const stop = new AbortController()
    const sending = httpTransport({ maxSockets: 1 }).request({
      method: 'PUT',
      url: `http://127.0.0.1:${(stalled!.address() as AddressInfo).port}/scan`,
      headers: {},
      body,
      timeoutMs: 60_000,
      signal: stop.signal,
      onBodyProgress: (sent) => sent === scan.length && stop.abort(),
    })

    await expect(sending).rejects.toMatchObject({ name: 'AbortError' })
    await closed
  })
})
