import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { referenceOf } from '../../../src/domain/queue/reference'
import { walCommits } from '../db/wal-commits'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'
import { claimOne } from './claim-one'

let dataDir: string
let core: Core
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir('guichet-outbox-')
  core = await openDesk(dataDir, null)
  files = await documentFiles(dataDir)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

describe('the outbox', () => {
  it('hands out the same body on every try, and a record caught sending is queued again at start', async () => {
    const clientId = await queueOne(core, files)
    const first = claimOne(core.outbox, [], 'desk')!
    expect(core.outbox.stateOf(clientId)).toBe('sending')
    core.close()

    core = await openDesk(dataDir, null)
    expect(core.outbox.stateOf(clientId)).toBe('queued')
    core.settings.update({ deskId: 'another-desk', eventName: 'Another fair' })
    const second = claimOne(core.outbox, [], 'another-desk')!
    expect(second.body.equals(first.body)).toBe(true)
    expect(second.documents.map((d) => d.sha256)).toEqual(first.documents.map((d) => d.sha256))
  })

  it('gives each due record to one worker only', async () => {
    const a = await queueOne(core, files)
    const b = await queueOne(core, files)
    const claimed = [
      claimOne(core.outbox, [], 'd'),
      claimOne(core.outbox, [], 'd'),
      claimOne(core.outbox, [], 'd'),
    ]
    expect(claimed.map((c) => c?.clientId)).toEqual([a, b, undefined])
  })

  it('keeps the first bodies of the records behind the one it claims, in the same commit', async () => {
    const [a, b, broken] = [
      await queueOne(core, files),
      await queueOne(core, files),
      await queueOne(core, files),
    ]
    core.db.prepare("UPDATE registrations SET payload = x'01020304' WHERE client_id = ?").run(broken)
    const keptBody = (id: string) =>
      core.db.prepare('SELECT request_body FROM registrations WHERE client_id = ?').pluck().get(id)
    expect(claimOne(core.outbox, [], 'desk-a')?.clientId).toBe(a)
    const keptForB = keptBody(b) as Buffer
    expect(keptForB).toBeInstanceOf(Buffer)
    // One it cannot read is left as it was, for its own claim to set aside.
    expect(core.outbox.stateOf(broken)).toBe('queued')
    expect(keptBody(broken)).toBeNull()
    core.close()

    // Kept on disk: after a restart, b's claim sends those bytes (sealed with a fresh nonce, a body
    // built again would not be these bytes).
    core = await openDesk(dataDir, null)
    expect(claimOne(core.outbox, [a], 'desk-b')?.clientId).toBe(b)
    expect((keptBody(b) as Buffer).equals(keptForB)).toBe(true)
    expect(claimOne(core.outbox, [a, b], 'desk-b')).toBeNull()
    expect(core.outbox.stateOf(broken)).toBe('needs_attention')
  })

  it('sets aside a record it cannot decrypt and goes on with the next one', async () => {
    const broken = await queueOne(core, files)
    const fine = await queueOne(core, files)
    core.db.prepare("UPDATE registrations SET payload = x'01020304' WHERE client_id = ?").run(broken)
    expect(claimOne(core.outbox, [], 'd')?.clientId).toBe(fine)
    expect(core.outbox.stateOf(broken)).toBe('needs_attention')
    expect(
      core.outbox.list({ state: 'needs_attention', after: null, limit: 5 }).items[0]?.lastError,
    ).toMatchObject({
      code: 'decrypt_failed',
    })
  })

  it('takes sent records out, gives unstarted ones back and claims the next ones in one commit, past a record it cannot decrypt', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push(await queueOne(core, files))
    const [sent, unstarted, broken, next, after, last] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
    ]
    const first = core.outbox.commit({ claim: { count: 2, busy: [], deskId: 'd' } })
    expect(first.claimed.map((c) => c.clientId)).toEqual([sent, unstarted])
    core.db.prepare("UPDATE registrations SET payload = x'01020304' WHERE client_id = ?").run(broken)
    // Its first body was kept with the first claim: only a body not built yet makes it unreadable.
    core.db.prepare('UPDATE registrations SET request_body = NULL WHERE client_id = ?').run(broken)
    const scans = core.documents.list(sent).map((d) => d.id)
    const commits = walCommits(core.db)

    const step = core.outbox.commit({
      submitted: [{ clientId: sent, serverStatus: 'submitted', serverId: 'srv-1' }],
      released: [unstarted],
      claim: { count: 2, busy: [], deskId: 'd' },
    })

    expect(commits()).toBe(1)
    // The record given back is due again, and first: it was captured before the others.
    expect(step.claimed.map((c) => c.clientId)).toEqual([unstarted, next])
    expect(new Set(step.sentScans)).toEqual(new Set(scans))
    expect(core.outbox.stateOf(sent)).toBe('submitted')
    expect(core.outbox.stateOf(broken)).toBe('needs_attention')
    expect(core.outbox.counts()).toMatchObject({ submitted: 1, needs_attention: 1, sending: 2, queued: 2 })
    const receipt = core.outbox.list({ state: 'submitted', after: null, limit: 1 }).items[0]
    expect(receipt).toMatchObject({ clientId: sent, serverId: 'srv-1' })
    expect([after, last].map((id) => core.outbox.stateOf(id))).toEqual(['queued', 'queued'])
  })

  it('counts per state and lists newest first, page by page', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await queueOne(core, files))
    expect(core.outbox.counts()).toMatchObject({ queued: 5, submitted: 0 })

    const first = core.outbox.list({ state: null, after: null, limit: 2 })
    const second = core.outbox.list({ state: null, after: first.next, limit: 2 })
    const third = core.outbox.list({ state: null, after: second.next, limit: 2 })
    const listed = [...first.items, ...second.items, ...third.items].map((i) => i.clientId)
    expect(new Set(listed)).toEqual(new Set(ids))
    expect(third.next).toBeNull()
    expect(first.items[0]).toMatchObject({
      state: 'queued',
      name: 'Nguyen Linh',
      attempts: 0,
      lastError: null,
    })
    expect(core.outbox.list({ state: 'submitted', after: null, limit: 2 }).items).toEqual([])
  })

  it('discards a record only when its reference is typed again, with its scans', async () => {
    const clientId = await queueOne(core, files)
    expect(() => core.outbox.discard(clientId, 'G-0000-0000')).toThrow(/reference typed/)
    const ids = core.outbox.discard(clientId, referenceOf(clientId).toLowerCase())
    await Promise.all(ids.map((id) => core.vault.delete(id)))
    expect(core.outbox.stateOf(clientId)).toBeUndefined()
    expect(readdirSync(join(dataDir, 'documents'))).toEqual([])
    expect(() => core.outbox.discard(randomUUID(), 'x')).toThrow()
  })
})
