import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import { createHandlers } from '../../../electron/core/handlers'
import { cleanup, documentFiles, queueOne, resourcesDir, studentForm, tempDir } from '../sync/desk'

let dir: string
let core: Core
let now: Date
const minutes = (n: number) => new Date(Date.UTC(2026, 8, 2, 10, n)).toISOString()

beforeEach(async () => {
  dir = tempDir('guichet-opened-')
  now = new Date(minutes(0))
  core = await openCore({
    dataDir: join(dir, 'data'),
    host: 'web',
    version: 'test',
    resourcesDir,
    now: () => now,
  })
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

/**
 * The draft keeps when its form was opened, so the scanner tray judges "previous student?" against
 * that time when the draft is resumed, not against the time it was resumed.
 */
describe('when a draft’s form was opened', () => {
  it('is the time the page sent with the first save, kept through later saves and a restart of the page', async () => {
    const handlers = createHandlers(core, { chooseFiles: async () => [] })
    const clientId = randomUUID()
    now = new Date(minutes(3))
    await handlers.saveDraft({ clientId, form: { lastName: 'Okafor' }, openedAt: minutes(1) })
    now = new Date(minutes(40))
    await handlers.saveDraft({
      clientId,
      form: { lastName: 'Okafor', firstName: 'Chidi' },
      openedAt: minutes(1),
    })
    expect(await handlers.loadDraft(undefined)).toMatchObject({
      clientId,
      openedAt: minutes(1),
      updatedAt: minutes(40),
    })
  })

  it('goes back to the form’s opening when a scan made the draft before the first keystroke', async () => {
    const clientId = randomUUID()
    now = new Date(minutes(5))
    core.registrations.ensureDraft(clientId)
    expect(core.registrations.loadDraft()?.openedAt).toBe(minutes(5))
    now = new Date(minutes(6))
    core.registrations.saveDraft(clientId, { lastName: 'Okafor' }, minutes(2))
    expect(core.registrations.loadDraft()?.openedAt).toBe(minutes(2))
  })

  it('is never later than now, nor missing when the page sent none', () => {
    now = new Date(minutes(7))
    core.registrations.saveDraft(randomUUID(), {}, minutes(59))
    expect(core.registrations.loadDraft()?.openedAt).toBe(minutes(7))
    now = new Date(minutes(8))
    core.registrations.saveDraft(randomUUID(), {})
    expect(core.registrations.loadDraft()?.openedAt).toBe(minutes(8))
  })

  it('is the correction’s time for a refused record opened again', async () => {
    const clientId = await queueOne(core, await documentFiles(dir), studentForm().email)
    core.db.prepare("UPDATE registrations SET state = 'needs_attention' WHERE client_id = ?").run(clientId)
    now = new Date(minutes(50))
    core.outbox.reopenForCorrection(clientId)
    expect(core.registrations.loadDraft()).toMatchObject({ clientId, openedAt: minutes(50) })
  })
})
