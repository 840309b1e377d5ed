import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Core } from '../../../electron/core/core'
import type * as Unflushed from '../../../electron/core/db/unflushed'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from './desk'

/** First bodies kept by a commit that did not wait for the disk, found by watching every such commit. */
const keptUnflushed: number[] = []
/** How many commits ran without waiting for the disk. */
let unflushedCommits = 0

const bodies = (db: Database) =>
  db.prepare('SELECT count(*) FROM registrations WHERE request_body IS NOT NULL').pluck().get() as number

vi.mock('../../../electron/core/db/unflushed', async (importOriginal) => {
  const real = await importOriginal<typeof Unflushed>()
  return {
    unflushed: <T>(db: Database, work: () => T): T => {
      const before = bodies(db)
      const result = real.unflushed(db, work)
      unflushedCommits++
      if (bodies(db) > before) keptUnflushed.push(bodies(db) - before)
      return result
    },
  }
})

const t = useBackend()
let dataDir: string
let core: Core

beforeEach(async () => {
  dataDir = tempDir()
  core = await openDesk(dataDir, t.backend)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

it('keeps every first body in a commit that waits for the disk, past the bodies built ahead', async () => {
  const files = await documentFiles(dataDir)
  // More than the 64 first bodies a flushed commit keeps ahead: the 65th to 70th are built later.
  const records = 70
  for (let i = 0; i < records; i++) await queueOne(core, files)

  const { counts } = await core.sync.drain()

  expect(counts).toMatchObject({ submitted: records, queued: 0, sending: 0 })
  expect(unflushedCommits).toBeGreaterThan(0)
  expect(keptUnflushed).toEqual([])
})
