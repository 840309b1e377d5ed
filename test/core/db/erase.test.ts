import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { referenceOf } from '../../../src/domain/queue/reference'
import { cleanup, documentFiles, openDesk, queueOne, studentForm, tempDir } from '../sync/desk'
import { claimOne } from '../outbox/claim-one'

let dataDir: string
let core: Core
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir('guichet-erase-')
  core = await openDesk(dataDir, null)
  files = await documentFiles(dataDir)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

const sealedPayload = (clientId: string) =>
  core.db.prepare('SELECT payload FROM registrations WHERE client_id = ?').pluck().get(clientId) as Buffer

/** Whether any of the database's files holds `needle` (the bytes a thief with the key would need). */
function onDisk(needle: Buffer): string[] {
  return ['', '-wal', '-shm']
    .map((suffix) => join(dataDir, `guichet.sqlite${suffix}`))
    .filter((file) => existsSync(file) && readFileSync(file).includes(needle))
}

// Two slices of the ciphertext: either one found means the record could still be decrypted in part.
const slices = (sealed: Buffer) => [
  sealed.subarray(13, 45),
  sealed.subarray(sealed.length - 48, sealed.length - 16),
]

describe('what is deleted is erased from the database files', () => {
  it('the retention purge leaves no sealed byte of the purged record in guichet.sqlite, -wal or -shm', async () => {
    const clientId = await queueOne(core, files)
    const sealed = sealedPayload(clientId)
    for (const slice of slices(sealed)) expect(onDisk(slice)).not.toEqual([])
    claimOne(core.outbox, [], 'desk')
    core.outbox.commit({ submitted: [{ clientId, serverStatus: 'received', serverId: 'srv-1' }] })
    expect(core.outbox.purgeExpired(-1)).toBe(1)
    for (const slice of slices(sealed)) expect(onDisk(slice)).toEqual([])
  })

  it('a discarded record and a discarded draft leave nothing behind either', async () => {
    const clientId = await queueOne(core, files)
    const queued = sealedPayload(clientId)
    core.outbox.discard(clientId, referenceOf(clientId))
    const draftId = '0b7f2f5e-3a1c-4d7e-9b2a-5c6d7e8f9a0b'
    core.registrations.saveDraft(draftId, studentForm())
    const draft = sealedPayload(draftId)
    core.registrations.discardDraft(draftId)
    for (const slice of [...slices(queued), ...slices(draft)]) expect(onDisk(slice)).toEqual([])
  })
})
