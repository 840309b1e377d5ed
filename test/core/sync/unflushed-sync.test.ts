import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from './desk'
import { VirtualClock } from './virtual-clock'

const t = useBackend()
let dataDir: string
let core: Core
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir()
  core = await openDesk(dataDir, t.backend, { clock: new VirtualClock() })
  files = await documentFiles(dataDir)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

/**
 * The sync's commits after capture do not wait for the disk (outbox.ts). The worst a power cut can do
 * is undo the commit that took a sent record out (`Outbox.commit`) after its scans' files were
 * deleted: the record comes back as `sending`, its document rows with it, their files gone. This
 * rebuilds that state on the SQLite file itself.
 */
function undoSubmitted(clientId: string, documentRows: Record<string, unknown>[]): void {
  const db = new Database(join(dataDir, 'guichet.sqlite'))
  db.transaction(() => {
    db.prepare(
      `UPDATE registrations SET state = 'sending', submitted_at = NULL, server_status = NULL,
         status_checked_at = NULL WHERE client_id = ?`,
    ).run(clientId)
    for (const row of documentRows) {
      const columns = Object.keys(row)
      db.prepare(
        `INSERT INTO documents (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(row)
    }
  })()
  db.close()
}

it('a submit undone by a power cut after the scans were deleted is sent again once, without attention', async () => {
  const clientId = await queueOne(core, files)
  const documentRows = core.db.prepare('SELECT * FROM documents WHERE client_id = ?').all(clientId) as Record<
    string,
    unknown
  >[]
  expect(documentRows).toHaveLength(2)
  await core.sync.drain()
  expect(readdirSync(join(dataDir, 'documents'))).toEqual([])
  core.close()

  undoSubmitted(clientId, documentRows)
  core = await openDesk(dataDir, t.backend, { clock: new VirtualClock() })
  expect(core.documents.list(clientId)).toHaveLength(2)
  t.backend.log.length = 0

  const { counts } = await core.sync.drain()

  expect(counts).toMatchObject({ submitted: 1, queued: 0, needs_attention: 0, retry_wait: 0 })
  // The replayed POST says nothing is missing, so no scan is read, and the submit is answered again.
  expect(t.backend.log.filter((e) => e.route !== 'health').map((e) => [e.route, e.status])).toEqual([
    ['createRegistration', 200],
    ['submitRegistration', 200],
  ])
  expect(t.backend.store.countRegistrations(clientId)).toBe(1)
  const held = t.backend.store.registrationByClientId(clientId)!
  expect(held.status).toBe('submitted')
  expect(t.backend.store.storedDocuments(held.id)).toHaveLength(2)
  expect(core.documents.list(clientId)).toEqual([])
})
