import Database from 'better-sqlite3'
import fc from 'fast-check'
import { randomUUID } from 'node:crypto'
import { readdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { attachFile } from '../../../electron/core/registrations/attach'
import { exportQueue } from '../../../electron/core/transfer/export'
import { MIN_COST } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import { referenceOf } from '../../../src/domain/queue/reference'
import queueEn from '../../../src/i18n/queue/en'
import queueFr from '../../../src/i18n/queue/fr'
import { settingsErrors as settingsEn } from '../../../src/i18n/settings/en'
import { settingsErrors as settingsFr } from '../../../src/i18n/settings/fr'
import { useBackend } from '../../backend/use-backend'
import { largePdf, pdf } from '../../fixtures/documents/corpus'
import { claimOne } from '../outbox/claim-one'
import { cleanup, deskOf, openDesk, queueOne, studentForm, tempDir } from '../sync/desk'
import { VirtualClock } from '../sync/virtual-clock'
import { PASSPHRASE, useTwoDesks } from '../transfer/two-desks'

const t = useBackend()
let dir: string
let dataDir: string
let core: Core
/** Each student's own scans: a passport and an enrollment certificate that no one else has. */
let scans: Record<'alice' | 'bob', { identity: string; enrollment: string }>

beforeEach(async () => {
  dir = tempDir('guichet-binding-')
  dataDir = join(dir, 'data')
  core = await openDesk(dataDir, t.backend, { clock: new VirtualClock() })
  const file = async (name: string, bytes: Promise<Buffer>) => {
    const path = join(dir, name)
    writeFileSync(path, await bytes)
    return path
  }
  scans = {
    // Over 256 KiB: read and sent by the upload thread.
    alice: {
      identity: await file('alice-passport.pdf', largePdf(1_312_345)),
      enrollment: await file('alice-cert.pdf', pdf(2)),
    },
    bob: {
      identity: await file('bob-passport.pdf', largePdf(204_321)),
      enrollment: await file('bob-cert.pdf', pdf(3)),
    },
  }
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

const item = (desk: Core, clientId: string) =>
  desk.outbox.list({ state: null, after: null, limit: 200 }).items.find((i) => i.clientId === clientId)
const identityOf = (desk: Core, clientId: string) =>
  desk.documents.list(clientId).find((d) => d.kind === 'identity')!

/** What someone with the database file but not the keychain does, the desk closed, then it starts again. */
async function inTheFile(change: (db: Database.Database) => void): Promise<void> {
  core.close()
  const db = new Database(join(dataDir, 'guichet.sqlite'))
  try {
    change(db)
  } finally {
    db.close()
  }
  core = await openDesk(dataDir, t.backend, { clock: new VirtualClock() })
}

/** A record the backend refused takes its draft's way back and is queued again, as the agent would. */
async function correctAndQueue(clientId: string): Promise<void> {
  core.outbox.reopenForCorrection(clientId)
  const draft = core.registrations.loadDraft()!
  await core.registrations.submit(clientId, draft.form, deskOf(core), core.reference.context(core.now()))
}

describe('a scan is bound to the record it was taken for', () => {
  it('a passport moved to another student’s record in the file is never sent; both wait for a person, and nothing is lost', async () => {
    const alice = await queueOne(core, scans.alice)
    const bob = await queueOne(core, scans.bob)
    const passport = identityOf(core, alice)

    await inTheFile((db) =>
      db.prepare('UPDATE documents SET client_id = ? WHERE id = ?').run(bob, passport.id),
    )
    const { counts } = await core.sync.drain()

    // Nothing of either went out: Bob's record does not carry Alice's passport, and Alice's does not go without it.
    expect(counts).toMatchObject({ needs_attention: 2, submitted: 0 })
    expect(t.backend.store.allRegistrations()).toEqual([])
    expect(t.backend.log.filter((e) => e.route !== 'health')).toEqual([])
    for (const clientId of [alice, bob]) {
      expect(item(core, clientId)).toMatchObject({
        state: 'needs_attention',
        lastError: { code: 'document_altered' },
      })
    }
    // The queue says it in words, in French and in English.
    expect(queueFr.problems.document_altered).toMatch(/scellé.*rien n’a été supprimé/)
    expect(queueEn.problems.document_altered).toMatch(/sealed.*nothing was deleted/)
    expect(readdirSync(core.vault.dir)).toHaveLength(4)
    expect((await core.vault.read(passport.id)).length).toBe(passport.size)

    // A person corrects Bob's record: the passport goes back to Alice's as it was sealed, and each
    // record, queued again, goes with its own scans.
    await correctAndQueue(bob)
    expect(core.documents.list(bob).map((d) => d.sha256)).not.toContain(passport.sha256)
    await correctAndQueue(alice)
    await core.sync.drain()
    const held = t.backend.store.registrationByClientId(alice)!
    expect(held.status).toBe('submitted')
    expect(held.documents.map((d) => d.sha256)).toContain(passport.sha256)
    expect(t.backend.store.storedDocuments(held.id)).toContain(passport.sha256)
    expect(t.backend.store.registrationByClientId(bob)!.documents.map((d) => d.sha256)).not.toContain(
      passport.sha256,
    )
  })

  it('a record discarded, or a draft thrown away, gives back a scan moved into it, which then goes with its own record', async () => {
    const alice = await queueOne(core, scans.alice)
    const bob = await queueOne(core, scans.bob)
    const draft = randomUUID()
    await attachFile(core, draft, 'enrollment', scans.bob.enrollment)
    const [passport, certificate] = core.documents.list(alice)
    const bobs = core.documents.list(bob).map((d) => d.id)

    await inTheFile((db) => {
      db.prepare('UPDATE documents SET client_id = ? WHERE id = ?').run(bob, passport!.id)
      db.prepare('UPDATE documents SET client_id = ?, kind = ? WHERE id = ?').run(
        draft,
        'identity',
        certificate!.id,
      )
    })
    expect(() => core.documents.list(draft)).toThrow(expect.objectContaining({ code: 'document_altered' }))
    // An admin discards Bob's record, and the agent the draft: only their own scans go.
    const gone = core.outbox.discard(bob, referenceOf(bob))
    const thrown = core.registrations.discardDraft(draft)
    expect(gone.sort()).toEqual([...bobs].sort())
    expect(thrown).toHaveLength(1)
    expect(thrown).not.toContain(certificate!.id)

    expect(core.documents.list(alice)).toEqual([passport, certificate])
    await core.sync.drain()
    const held = t.backend.store.registrationByClientId(alice)!
    expect(held.status).toBe('submitted')
    expect(held.documents.map((d) => d.sha256)).toEqual([passport!.sha256, certificate!.sha256])
  })

  it('any bound column changed in the file sets the record aside at its claim, body kept or not, and deletes nothing', async () => {
    const other = await queueOne(core, scans.bob)
    // Only a target for a moved row: never due, so each claim can only be the record under test.
    core.db.prepare("UPDATE registrations SET state = 'needs_attention' WHERE client_id = ?").run(other)
    const change = fc.oneof(
      fc.constant({ column: 'client_id' }),
      fc.constant({ column: 'kind' }),
      fc.constant({ column: 'media_type' }),
      fc.integer({ min: 1, max: 10 * 1024 * 1024 }).map((size) => ({ column: 'size', size })),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((sha256) => ({ column: 'sha256', sha256 })),
    )
    await fc.assert(
      fc.asyncProperty(change, fc.boolean(), fc.boolean(), async (c, bodyKept, identity) => {
        const clientId = await queueOne(core, scans.alice)
        if (bodyKept) core.outbox.body(clientId, 'desk')
        const doc = core.documents
          .list(clientId)
          .find((d) => d.kind === (identity ? 'identity' : 'enrollment'))!
        const value = {
          client_id: other,
          kind: identity ? 'enrollment' : 'identity',
          media_type: 'image/png',
          size: 'size' in c && c.size !== doc.size ? c.size : doc.size + 1,
          sha256: 'sha256' in c && c.sha256 !== doc.sha256 ? c.sha256 : 'f'.repeat(64),
        }[c.column]
        core.db.prepare(`UPDATE documents SET ${c.column} = ? WHERE id = ?`).run(value, doc.id)

        const claimed = claimOne(core.outbox, [], 'desk')

        expect(claimed?.clientId).not.toBe(clientId)
        expect(core.outbox.stateOf(clientId)).toBe('needs_attention')
        expect(item(core, clientId)?.lastError?.code).toBe('document_altered')
        expect(readdirSync(core.vault.dir)).toContain(`${doc.id}.bin`)
        // The next property run starts from a queue with nothing due.
        if (claimed) core.outbox.release(claimed.clientId)
        core.db.prepare("UPDATE registrations SET state = 'needs_attention' WHERE state = 'queued'").run()
      }),
      { numRuns: 25 },
    )
  })

  it('a record reopened for correction goes with the scans it holds when it is queued again', async () => {
    const taken = `${randomUUID()}@example.org`
    t.backend.faults.emailTaken(taken)
    const alice = await queueOne(core, scans.alice, taken)
    await core.sync.drain()
    expect(item(core, alice)?.lastError?.code).toBe('email_taken')

    core.outbox.reopenForCorrection(alice)
    const passport = identityOf(core, alice)
    const certificate = core.documents.list(alice).find((d) => d.kind === 'enrollment')!
    expect(core.documents.remove(certificate.id)).toBe(true)
    await core.vault.delete(certificate.id)
    const replacement = await attachFile(core, alice, 'enrollment', scans.bob.enrollment)
    await core.registrations.submit(alice, studentForm(), deskOf(core), core.reference.context(core.now()))
    await core.sync.drain()

    const held = t.backend.store.registrationByClientId(alice)!
    expect(held.status).toBe('submitted')
    expect(held.documents.map((d) => [d.kind, d.sha256])).toEqual([
      ['identity', passport.sha256],
      ['enrollment', replacement.sha256],
    ])
    expect(t.backend.store.storedDocuments(held.id).sort()).toEqual(
      [passport.sha256, replacement.sha256].sort(),
    )
  })
})

describe('records moved between desks', () => {
  const d = useTwoDesks(() => t.backend)

  it('an export refuses, and writes no file, while a record holds a scan sealed for another', async () => {
    const alice = await queueOne(d.fair, d.files)
    const bob = await queueOne(d.fair, d.files)
    const passport = d.fair.documents.list(alice).find((doc) => doc.kind === 'identity')!
    d.fair.db.prepare('UPDATE documents SET client_id = ? WHERE id = ?').run(bob, passport.id)

    await expect(exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)).rejects.toMatchObject({
      code: 'document_altered',
    })
    expect(readdirSync(dirname(d.file))).not.toContain(basename(d.file))
    expect(settingsFr.document_altered).toMatch(/rien n’a été exporté/)
    expect(settingsEn.document_altered).toMatch(/nothing was exported/)
  })

  it('an imported record’s scans are bound to it on the desk that imports it', async () => {
    const [alice, bob, carol] = [
      await queueOne(d.fair, d.files),
      await queueOne(d.fair, d.files),
      await queueOne(d.fair, d.files),
    ]
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 3, documents: 6 })
    const passport = d.office.documents.list(alice).find((doc) => doc.kind === 'identity')!
    d.office.db.prepare('UPDATE documents SET client_id = ? WHERE id = ?').run(bob, passport.id)

    await d.office.sync.drain()

    expect(t.backend.store.registrationByClientId(carol)?.status).toBe('submitted')
    for (const clientId of [alice, bob]) {
      expect(t.backend.store.registrationByClientId(clientId)).toBeUndefined()
      expect(item(d.office, clientId)?.lastError?.code).toBe('document_altered')
    }
    expect(readdirSync(d.office.vault.dir)).toContain(`${passport.id}.bin`)
  })
})
