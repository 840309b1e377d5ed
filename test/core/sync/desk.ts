import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'
import { openCore, type Core, type CoreOptions } from '../../../electron/core/core'
import { attachFile } from '../../../electron/core/registrations/attach'
import type { SyncTuning } from '../../../electron/core/sync/engine'
import type { DeskEvent, DeskEvents } from '../../../src/domain/ipc/events'
import type { RegistrationDraft } from '../../../src/domain/registration/empty-form'
import type { QueueItem } from '../../../src/domain/sync/queue'
import { pdf } from '../../fixtures/documents/corpus'
import type { Backend } from '../../backend/server'
import { VirtualClock } from './virtual-clock'

/**
 * Sync waits short enough for tests; the logic is the app's. The jitter is fixed at half the bound,
 * and each desk runs on its own VirtualClock: a record waiting to retry is due only when the test
 * (or `drain`) moves the clock, never because the machine was slow. Only the network's own
 * timeout (`timeoutMs`) is real time: a request that hangs must hang for real.
 */
export const fastSync: Partial<SyncTuning> = {
  timeoutMs: 5_000,
  backoff: { baseMs: 20, capMs: 200 },
  tickMs: 200,
  offlineProbeMs: 100,
  random: () => 0.5,
}

export const resourcesDir = fileURLToPath(new URL('../../../resources', import.meta.url))

export const tempDir = (prefix = 'guichet-sync-'): string => mkdtempSync(join(tmpdir(), prefix))

/** A desk on a data folder, talking to `backend` (token given as the CLI's GUICHET_TOKEN would). */
export async function openDesk(
  dataDir: string,
  backend: Pick<Backend, 'url' | 'token'> | null,
  extra: Partial<CoreOptions> = {},
): Promise<Core> {
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'test',
    resourcesDir,
    syncTuning: fastSync,
    ...(!extra.now && { clock: new VirtualClock() }),
    ...(backend && { backend: { url: backend.url, token: backend.token } }),
    ...extra,
  })
  core.settings.update({ deskId: 'test-desk-1', eventName: 'Salon test' })
  return core
}

/** Where and by whom a test registration is captured: this desk, operator QA. */
export function deskOf(core: Core): { id: string; event: string; operator: string } {
  const { deskId, eventName } = core.settings.get()
  return { id: deskId, event: eventName, operator: 'QA' }
}

/** What an agent types for one student; `email` makes each one a different person. */
export function studentForm(email = `${randomUUID()}@example.org`): RegistrationDraft & { email: string } {
  return {
    civility: 'MME',
    lastName: 'Nguyen',
    firstName: 'Linh',
    secondFirstName: '',
    thirdFirstName: '',
    birthDate: '17042005',
    email,
    emailConfirmation: email,
    ine: '',
    noIne: true,
    familySituation: 'CELIBATAIRE',
    nationality: 'VN',
    establishment: {
      notEnrolledYet: true,
      abroad: false,
      department: null,
      uai: null,
      name: '',
      country: null,
    },
    contact: {
      landline: '',
      mobile: '06 12 34 56 78',
      address: '12 rue des Écoles',
      postalCode: '75005',
      city: 'Paris',
      country: 'FR',
    },
    emergencyContacts: [],
  }
}

/** Files on disk for the documents slots, made once per folder. */
export async function documentFiles(dir: string): Promise<{ identity: string; enrollment: string }> {
  const identity = join(dir, 'passport.pdf')
  const enrollment = join(dir, 'enrollment.pdf')
  writeFileSync(identity, await pdf(1))
  writeFileSync(enrollment, await pdf(2))
  return { identity, enrollment }
}

/** Queues one registration through the form's path: attach, then submit. Returns its clientId. */
export async function queueOne(
  core: Core,
  files: { identity: string; enrollment: string },
  email?: string,
  clientId = randomUUID(),
): Promise<string> {
  await attachFile(core, clientId, 'identity', files.identity)
  await attachFile(core, clientId, 'enrollment', files.enrollment)
  await core.registrations.submit(
    clientId,
    studentForm(email),
    deskOf(core),
    core.reference.context(core.now()),
  )
  return clientId
}

/** Resolves with the first `event` the desk emits that `accept` takes: awaited, never polled. */
export function nextEvent<E extends DeskEvent>(
  core: Core,
  event: E,
  accept: (payload: DeskEvents[E]) => boolean,
): Promise<DeskEvents[E]> {
  return new Promise((resolve) => {
    const off = core.events.on(event, (payload) => {
      if (!accept(payload)) return
      off()
      resolve(payload)
    })
  })
}

export function cleanup(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}

export type ScanFiles = { identity: string; enrollment: string }

/** A desk of this test file's tests: read its fields inside tests only (each test gets new ones). */
export interface DeskUnderTest {
  dataDir: string
  clock: VirtualClock
  /** The desk open now; a test that restarts it assigns the new one here, which is the one closed. */
  core: Core
  /** The scans the test attaches. */
  files: ScanFiles
  /** The record as the queue screen lists it. */
  item(clientId: string): QueueItem | undefined
}

/**
 * A fresh desk for every test of the file, on its own folder and VirtualClock, talking to the file's
 * reference backend (`useBackend()`, called before this) or to none; closed and its folder removed
 * after the test. `options` gives what a file needs more (a log of bugs, other scans).
 */
export function useDesk(
  backend: { backend: Backend } | null,
  options: { extra?: () => Partial<CoreOptions>; files?: (dataDir: string) => Promise<ScanFiles> } = {},
): DeskUnderTest {
  const desk = {
    item: (clientId: string) =>
      desk.core.outbox
        .list({ state: null, after: null, limit: 200 })
        .items.find((i) => i.clientId === clientId),
  } as DeskUnderTest
  beforeEach(async () => {
    desk.dataDir = tempDir()
    desk.clock = new VirtualClock()
    desk.core = await openDesk(desk.dataDir, backend && backend.backend, {
      clock: desk.clock,
      ...options.extra?.(),
    })
    desk.files = await (options.files ?? documentFiles)(desk.dataDir)
  })
  afterEach(() => {
    desk.core.close()
    cleanup(desk.dataDir)
  })
  return desk
}
