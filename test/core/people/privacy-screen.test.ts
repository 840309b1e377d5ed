import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, utimesSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { attachFile } from '../../../electron/core/registrations/attach'
import { channels, type Channel } from '../../../src/domain/ipc/channels'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, nextEvent, openDesk, queueOne, studentForm, tempDir } from '../sync/desk'

const t = useBackend()
let core: Core
let dir: string

/** How the student shows in what the desk holds: the form, the scans' file names, the backend's refusal. */
const SCAN_NAME = 'Passeport NGUYEN Linh 17-04-2005.pdf'
const EMAIL = 'linh.nguyen.2005@example.org'
const MARKERS = ['nguyen', EMAIL]

/** What hands a student's data to the page, and so answers nothing while the privacy screen covers the desk. */
const PERSONAL: readonly Channel[] = [
  'loadDraft',
  'listDocuments',
  'attachDocument',
  'readDocument',
  'listScans',
  'scanThumbnail',
  'generateAttestation',
  'readPassportMrz',
  'reopenForCorrection',
]
/** What would throw away the scans of the student being registered: refused too, nobody at the desk asked. */
const DESTRUCTIVE: readonly Channel[] = ['discardDraft', 'removeDocument']

let draftId: string
let documentId: string
let refusedId: string
let scanPath: string

beforeEach(async () => {
  dir = tempDir('guichet-privacy-')
  core = await openDesk(dir, t.backend)
  await core.admin.setPin('482915')
  await core.operators.add('Agent Dupont', '2468')
  const files = await documentFiles(dir)
  // A record the backend refused: its complaints are kept sealed, for the form's correction.
  t.backend.faults.emailTaken(EMAIL)
  refusedId = await queueOne(core, files, EMAIL)
  await core.sync.drain()
  expect(core.outbox.stateOf(refusedId)).toBe('needs_attention')
  // The student being registered now: a draft with the passport scan, and another in the scanner folder.
  const named = join(dir, SCAN_NAME)
  copyFileSync(files.identity, named)
  draftId = randomUUID()
  core.registrations.saveDraft(draftId, studentForm(EMAIL))
  documentId = (await attachFile(core, draftId, 'identity', named)).id
  const scanner = join(dir, 'scanner')
  mkdirSync(scanner)
  scanPath = join(scanner, SCAN_NAME)
  copyFileSync(files.identity, scanPath)
  // Saved by the scanner a minute ago: finished, so the tray lists it.
  const aMinuteAgo = new Date(Date.now() - 60_000)
  utimesSync(scanPath, aMinuteAgo, aMinuteAgo)
  core.settings.update({ scannerFolder: scanner })
  core.scans.follow(scanner)
  await core.scans.settled()
  expect(core.scans.list().map((entry) => entry.fileName)).toEqual([SCAN_NAME])
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

/** A valid request for every channel (the type makes a new channel add its own), in the order sent. */
function requests(): Record<Channel, unknown> {
  const unknownId = randomUUID()
  return {
    getAppInfo: undefined,
    getSettings: undefined,
    loadDraft: undefined,
    listDocuments: { clientId: draftId },
    readDocument: { id: documentId },
    listScans: undefined,
    scanThumbnail: { path: scanPath },
    generateAttestation: { clientId: draftId },
    readPassportMrz: { clientId: draftId, id: documentId },
    attachDocument: { clientId: draftId, kind: 'enrollment', path: scanPath },
    reopenForCorrection: { clientId: refusedId },
    listQueue: {},
    queueCounts: undefined,
    getSyncStatus: undefined,
    enrollmentStatus: undefined,
    sessionStatus: undefined,
    listOperators: undefined,
    adminStatus: undefined,
    searchEstablishments: { query: 'Sorbonne' },
    communesFor: { postalCode: '75005' },
    uaiExceptions: undefined,
    chooseFiles: { kind: 'identity' },
    chooseTransferFile: { mode: 'save' },
    testConnection: undefined,
    retryNow: { clientId: refusedId },
    pauseSync: undefined,
    resumeSync: undefined,
    sendVerificationCode: { clientId: unknownId, email: 'someone@example.org' },
    confirmVerificationCode: { clientId: unknownId, id: 'x', code: 'abcdef' },
    // Another record: refused (draft_in_progress), since it would take the draft’s place.
    saveDraft: { clientId: unknownId, form: {} },
    submitRegistration: { clientId: unknownId, form: {} },
    discardDraft: { clientId: draftId },
    removeDocument: { id: documentId },
    setDocumentChecked: { id: unknownId, checked: true },
    updateSettings: { eventName: 'Salon' },
    setDeskToken: { token: 'another-token' },
    discardRecord: { clientId: refusedId, reference: 'G-AAAA-AAAA' },
    exportQueue: { path: join(dir, 'out.guichet'), passphrase: 'correct horse battery staple' },
    importQueue: { path: join(dir, 'out.guichet'), passphrase: 'correct horse battery staple' },
    enrollDesk: { backendUrl: 'http://127.0.0.1:9', code: 'ABCD2345EFGH' },
    dismissProvisioning: { id: 'f'.repeat(64) },
    acceptNewBackend: { id: 'f'.repeat(64) },
    addOperator: { name: 'Agent Martin', pin: '1357' },
    removeOperator: { operatorId: 'op-aaaaaa' },
    unlockAdmin: { pin: '000000' },
    setAdminPin: { pin: '135791', currentPin: '000000' },
    signIn: { operatorId: null, pin: '000000' },
    lockAdmin: undefined,
    signOut: undefined,
    lockScreen: undefined,
  }
}

describe('while the privacy screen covers the desk', () => {
  it('no channel hands the page a student’s name, e-mail, scan file names or the backend’s complaints', async () => {
    const handlers = createHandlers(core, { chooseFiles: () => [] })
    core.session.lock()
    const table = requests()
    expect(Object.keys(table).sort()).toEqual([...channels].sort())
    const leaks: string[] = []
    const refused: Channel[] = []
    for (const [channel, request] of Object.entries(table) as [Channel, unknown][]) {
      expect(core.session.status().locked).toBe(true)
      const answer = await dispatch(handlers, channel, request, core.admin)
      const text = JSON.stringify(answer).toLowerCase()
      if (MARKERS.some((marker) => text.includes(marker))) leaks.push(channel)
      if (!answer.ok && answer.error.code === 'screen_locked') refused.push(channel)
    }
    expect(leaks).toEqual([])
    expect(refused.sort()).toEqual([...PERSONAL, ...DESTRUCTIVE].sort())
    // Nothing moved behind the screen: the scan is still in the tray, the refused record still waits.
    expect(core.outbox.stateOf(refusedId)).toBe('needs_attention')
    expect(existsSync(scanPath)).toBe(true)
    // The student being registered is still the draft, with the passport taken in before the screen came.
    await core.session.signIn(null, '482915')
    expect(core.registrations.loadDraft()?.clientId).toBe(draftId)
    expect(core.documents.list(draftId).map((d) => d.id)).toEqual([documentId])
    expect((await core.vault.read(documentId)).length).toBeGreaterThan(0)
  })

  it('tells the page of no scan file name arriving in the scanner folder', async () => {
    core.session.lock()
    const heard = nextEvent(core, 'scansChanged', () => true)
    const next = join(dirname(scanPath), 'Passeport NGUYEN Minh 02-09-2006.pdf')
    copyFileSync(scanPath, next)
    const aMinuteAgo = new Date(Date.now() - 60_000)
    utimesSync(next, aMinuteAgo, aMinuteAgo)
    expect(await heard).toEqual([])
    expect(core.scans.list()).toHaveLength(2)
  })
})
