import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { createBackend, type Backend } from '../../backend/server'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from './desk'

const RECORDS = 1_000

describe('a full day queued offline', () => {
  let backend: Backend
  let dataDir: string
  let core: Core
  beforeEach(async () => {
    backend = await createBackend()
    dataDir = tempDir('guichet-volume-')
  })
  afterEach(async () => {
    core.close()
    await backend.close()
    cleanup(dataDir)
  })

  it(`queues ${RECORDS} registrations with the backend away, then drains them all once it is back`, async () => {
    core = await openDesk(dataDir, { url: 'http://127.0.0.1:9', token: backend.token })
    const files = await documentFiles(dataDir)
    const ids: string[] = []
    for (let i = 0; i < RECORDS; i++) ids.push(await queueOne(core, files))
    const offline = await core.sync.drain()
    expect(offline.status.online).toBe(false)
    expect(offline.counts.queued).toBe(RECORDS)
    core.close()

    core = await openDesk(dataDir, backend)
    const { counts } = await core.sync.drain({ maxWaitMs: 5_000 })

    expect(counts).toMatchObject({ submitted: RECORDS, queued: 0, retry_wait: 0, needs_attention: 0 })
    expect(backend.store.allRegistrations()).toHaveLength(RECORDS)
    for (const id of ids) expect(backend.store.countRegistrations(id)).toBe(1)
    // A guard against a hang, not a speed check: on a loaded machine (a CPU hog beside) it takes minutes.
  }, 900_000)
})
