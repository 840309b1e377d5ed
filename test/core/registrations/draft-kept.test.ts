import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import type { Channel } from '../../../src/domain/ipc/channels'
import { cleanup, documentFiles, openDesk, studentForm, tempDir } from '../sync/desk'

let dir: string
let core: Core
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dir = tempDir('guichet-draft-kept-')
  core = await openDesk(join(dir, 'data'), null)
  files = await documentFiles(dir)
  // As the file dialog would have answered them.
  core.grants.grant([files.identity, files.enrollment])
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

const call = (channel: Channel, request: unknown) =>
  dispatch(createHandlers(core, { chooseFiles: () => [] }), channel, request, core.admin)

/** The sealed files in the vault, by id: a scan whose file is gone is lost whatever its row says. */
const vaultFiles = (): string[] =>
  readdirSync(join(dir, 'data', 'documents')).map((file) => file.replace(/\.bin$/, ''))

/** The student being registered: typed, with the passport scanned. */
async function draftWithScan(): Promise<{ clientId: string; documentId: string }> {
  const clientId = randomUUID()
  expect((await call('saveDraft', { clientId, form: studentForm('linh@example.org') })).ok).toBe(true)
  const attached = await call('attachDocument', { clientId, kind: 'identity', path: files.identity })
  if (!attached.ok) throw new Error(attached.error.code)
  return { clientId, documentId: (attached.value as { id: string }).id }
}

describe('the draft being filled, with its scans', () => {
  it('is not replaced by a save for another record: refused with draft_in_progress, scan and form kept', async () => {
    const { clientId, documentId } = await draftWithScan()
    const other = await call('saveDraft', { clientId: randomUUID(), form: {} })
    expect(other).toMatchObject({ ok: false, error: { code: 'draft_in_progress' } })
    expect(core.registrations.loadDraft()).toMatchObject({ clientId, form: { email: 'linh@example.org' } })
    expect(await call('listDocuments', { clientId })).toMatchObject({ ok: true, value: [{ id: documentId }] })
    expect((await call('readDocument', { id: documentId })).ok).toBe(true)
    // Still there after a restart: the start-up sweep finds the row that holds the file.
    core.close()
    core = await openDesk(join(dir, 'data'), null)
    expect(await call('listDocuments', { clientId })).toMatchObject({ ok: true, value: [{ id: documentId }] })
    expect(vaultFiles()).toEqual([documentId])
  })

  it('is not replaced by a scan taken in for another record, which writes no file', async () => {
    const { clientId, documentId } = await draftWithScan()
    const other = await call('attachDocument', {
      clientId: randomUUID(),
      kind: 'enrollment',
      path: files.enrollment,
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'draft_in_progress' } })
    expect(core.registrations.loadDraft()?.clientId).toBe(clientId)
    expect(vaultFiles()).toEqual([documentId])
  })

  it('is kept when only typed, and gives way once discarded, or when nothing was typed nor scanned', async () => {
    const typed = randomUUID()
    await call('saveDraft', { clientId: typed, form: { lastName: 'Okafor' } })
    expect(await call('saveDraft', { clientId: randomUUID(), form: {} })).toMatchObject({
      ok: false,
      error: { code: 'draft_in_progress' },
    })
    expect(core.registrations.loadDraft()?.form).toEqual({ lastName: 'Okafor' })

    await call('discardDraft', { clientId: typed })
    const blank = randomUUID()
    expect((await call('saveDraft', { clientId: blank, form: { lastName: '' } })).ok).toBe(true)
    const next = randomUUID()
    expect((await call('saveDraft', { clientId: next, form: { lastName: 'Adeyemi' } })).ok).toBe(true)
    expect(core.registrations.loadDraft()).toMatchObject({ clientId: next, form: { lastName: 'Adeyemi' } })
  })

  it('keeps every scan taken in, whatever the page saves, until the agent discards or submits', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()]
    const step = fc.oneof(
      fc.record({ op: fc.constant('save' as const), id: fc.constantFrom(...ids), typed: fc.boolean() }),
      fc.record({ op: fc.constant('attach' as const), id: fc.constantFrom(...ids) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const draft = core.registrations.loadDraft()
        if (draft) await call('discardDraft', { clientId: draft.clientId })
        const kept = new Map<string, string>()
        for (const s of steps) {
          const answer =
            s.op === 'save'
              ? await call('saveDraft', { clientId: s.id, form: s.typed ? { lastName: 'Nguyen' } : {} })
              : await call('attachDocument', { clientId: s.id, kind: 'identity', path: files.identity })
          if (answer.ok && s.op === 'attach') kept.set((answer.value as { id: string }).id, s.id)
          if (!answer.ok) expect(['draft_in_progress', 'slot_full']).toContain(answer.error.code)
        }
        for (const [documentId, clientId] of kept) {
          expect(core.documents.clientIdOf(documentId)).toBe(clientId)
          expect((await core.vault.read(documentId)).length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 25 },
    )
  })
})
