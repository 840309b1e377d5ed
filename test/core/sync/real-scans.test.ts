import { createHash, randomUUID } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { createLog } from '../../../electron/core/log'
import { attachFile } from '../../../electron/core/registrations/attach'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import type { Transport } from '../../../electron/core/sync/transport'
import { en } from '../../../src/i18n/en'
import { fr } from '../../../src/i18n/fr'
import { useBackend } from '../../backend/use-backend'
import { cleanup, deskOf, documentFiles, openDesk, queueOne, studentForm, tempDir } from './desk'
import { phonePhotoOfSize, pngOfSize } from './sized-scans'

const t = useBackend()
let dataDir: string
let core: Core
beforeEach(() => {
  dataDir = tempDir()
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Under the old upload timeout (bytes / 32 KiB/s, in ms, not whole) a scan over this never left. */
const OLD_TIMEOUT_BROKE_ABOVE = 30 * 32 * 1024

describe('real scans of ordinary sizes reach the backend', () => {
  it('sends a 995,136-byte PNG and a 2,345,678-byte phone photo; the server holds both, digests right', async () => {
    core = await openDesk(dataDir, t.backend)
    const identity = join(dataDir, 'passport.png')
    const enrollment = join(dataDir, 'certificat.jpg')
    writeFileSync(identity, await pngOfSize(995_136))
    writeFileSync(enrollment, await phonePhotoOfSize(2_345_678))
    expect(readFileSync(identity)).toHaveLength(995_136)
    expect(readFileSync(enrollment)).toHaveLength(2_345_678)

    const clientId = randomUUID()
    await attachFile(core, clientId, 'identity', identity)
    await attachFile(core, clientId, 'enrollment', enrollment)
    const onDesk = core.documents.list(clientId)
    await core.registrations.submit(clientId, studentForm(), deskOf(core), core.reference.context(core.now()))

    const { status, counts } = await core.sync.drain()

    expect(status.online).toBe(true)
    expect(counts).toMatchObject({ submitted: 1, retry_wait: 0, needs_attention: 0 })
    const held = t.backend.store.registrationByClientId(clientId)!
    expect(held.status).toBe('submitted')
    expect(held.documents.map((d) => d.mediaType).sort()).toEqual(['image/jpeg', 'image/png'])
    for (const declared of held.documents) {
      const bytes = held.files.get(declared.sha256)!
      expect(sha256(bytes)).toBe(declared.sha256)
      expect(bytes).toHaveLength(declared.size)
      expect(declared.size).toBeGreaterThan(OLD_TIMEOUT_BROKE_ABOVE)
    }
    expect(held.documents.map((d) => d.sha256).sort()).toEqual(onDesk.map((d) => d.sha256).sort())
  })

  it('calls a bug in the send path a bug: logged with its stack, the record says internal, the desk stays online', async () => {
    const real = httpTransport({ maxSockets: 2 })
    const throwsOnUpload: Transport = {
      request: (request) => {
        // What the old upload did: a timer given a time that is not a whole number of ms.
        if (request.method === 'PUT') AbortSignal.timeout(request.timeoutMs + 0.5)
        return real.request(request)
      },
      close: () => real.close(),
    }
    const log = createLog(dataDir)
    core = await openDesk(dataDir, t.backend, {
      transport: throwsOnUpload,
      onUnexpected: (error) => log.error('sync', error),
    })
    const clientId = await queueOne(core, await documentFiles(dataDir))

    const { status } = await core.sync.drain()

    expect(status.online).toBe(true)
    const item = core.outbox.list({ state: null, after: null, limit: 5 }).items[0]!
    expect(item).toMatchObject({ clientId, state: 'retry_wait', lastError: { code: 'internal' } })
    expect(t.backend.log.map((e) => e.route)).toEqual(['health', 'createRegistration'])
    const [entry] = readFileSync(join(dataDir, 'logs', 'guichet.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; name: string; frames: string[] })
    expect(entry).toMatchObject({ event: 'sync', name: 'RangeError' })
    expect(entry!.frames.some((frame) => frame.includes('real-scans.test.ts'))).toBe(true)
    // The agent reads a sentence that says it is the desk's fault, in both languages.
    expect(fr.queue.problems.internal).toMatch(/anomalie du poste, pas du réseau/)
    expect(en.queue.problems.internal).toMatch(/fault in the desk, not the network/)
  })
})
