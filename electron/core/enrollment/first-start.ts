import { readFile, stat } from 'node:fs/promises'
import { PROVISIONED_SETTINGS, type ProvisioningFile } from '../../../src/domain/enrollment/provisioning'
import type { Enrolled, ProvisioningOutcome } from '../../../src/domain/enrollment/status'
import { sameBackendOrigin } from '../../../src/domain/sync/backend-url'
import type { AdminVia } from '../admin/admin-actions'
import { GuichetFailure } from '../../../src/domain/result'
import type { Core } from '../core'
import { readDocument, writeDocument } from '../settings-table'
import { enrollDesk } from './enroll'
import { codeFingerprint, readProvisioningFile, removeCode } from './provisioning-file'
import { provisioningId, wasDismissed } from './provisioning-notice'
import { announceEnrollment } from './status'

const USED_CODES = 'provisioning'

/** A provisioning file as read at this start, waiting for an admin to accept its new backend. */
export interface HeldProvisioning {
  file: string
  bytes: Buffer | null
  content: ProvisioningFile
}

/**
 * At start, enrolls the desk from the first provisioning file found in `locations` that still holds
 * a code. On success the code is removed from the file (or, where the file is read-only, remembered
 * as used by its fingerprint and ignored from then on). On failure nothing changes: the outcome is
 * shown to the agent and the file is tried again at the next start. Bugs are rethrown.
 *
 * A desk that already has a backend moves to another origin only when an admin accepts it
 * (acceptNewBackend): whoever can write the file is not trusted with where the queue goes.
 */
export async function provisionAtStart(
  core: Core,
  locations: readonly string[],
): Promise<ProvisioningOutcome | null> {
  for (const file of locations) {
    if (!(await isFile(file))) continue
    const outcome = await provisionFrom(core, file)
    if (!outcome) continue
    // The agent read and closed this very outcome at an earlier start: it is not put back on screen.
    core.provisioning.outcome = wasDismissed(core.db, outcome.id) ? null : outcome
    await announceEnrollment(core)
    return outcome
  }
  return null
}

async function provisionFrom(core: Core, file: string): Promise<ProvisioningOutcome | null> {
  // As read before the attempt: a success takes the code out of the file.
  const bytes = await readFile(file).catch(() => null)
  const outcome = (ending: Omit<ProvisioningOutcome, 'id' | 'file'>): ProvisioningOutcome => ({
    id: provisioningId(file, bytes, ending),
    file,
    ...ending,
  })
  const failed = (error: GuichetFailure, newBackendUrl?: string) =>
    outcome({
      result: 'failed',
      deskId: null,
      error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
      codeRemoved: null,
      ...(newBackendUrl && { newBackendUrl }),
    })
  try {
    const content = await readProvisioningFile(file)
    const code = content.enrollmentCode
    if (!code || usedCode(core, code)) return null
    if (movesBackend(core, content.backendUrl)) {
      core.provisioning.held = { file, bytes, content }
      const refusal = new GuichetFailure(
        'provisioning_new_backend',
        'The provisioning file names another backend than the one this desk is enrolled with: an admin must accept it in the notice, or enroll the desk in Settings.',
      )
      return failed(refusal, content.backendUrl)
    }
    return outcome(enrolledEnding(await enrollWithCode(core, file, content, code, 'provisioning_file')))
  } catch (error) {
    if (!(error instanceof GuichetFailure)) throw error
    return failed(error)
  }
}

/**
 * The admin (admin mode, checked by dispatch) accepts the new backend the notice `id` names: the
 * desk enrolls with the file as it was read at start and shown, not as it may be now. A failure
 * (code expired, backend unreachable) is thrown and the notice stays.
 */
export async function acceptNewBackend(core: Core, id: string): Promise<void> {
  const held = core.provisioning.held
  const code = held?.content.enrollmentCode
  if (!held || !code || core.provisioning.outcome?.id !== id || usedCode(core, code)) {
    throw new GuichetFailure(
      'provisioning_notice_gone',
      'This provisioning notice is no longer current: restart Guichet to read the file again, or enroll the desk in Settings.',
    )
  }
  const ending = enrolledEnding(
    await enrollWithCode(core, held.file, held.content, code, 'provisioning_file'),
  )
  core.provisioning.held = null
  core.provisioning.outcome = {
    id: provisioningId(held.file, held.bytes, ending),
    file: held.file,
    ...ending,
  }
  await announceEnrollment(core)
}

/**
 * Enrolls from one provisioning file (`desk provision --file`, an admin's explicit choice), then
 * takes the code out of it. Null when the file holds no code, or one this desk already used.
 */
export async function enrollFromFile(
  core: Core,
  file: string,
  via: AdminVia,
): Promise<{ enrolled: Enrolled; codeRemoved: boolean } | null> {
  const content = await readProvisioningFile(file)
  const code = content.enrollmentCode
  if (!code || usedCode(core, code)) return null
  return enrollWithCode(core, file, content, code, via)
}

async function enrollWithCode(
  core: Core,
  file: string,
  content: ProvisioningFile,
  code: string,
  via: AdminVia,
): Promise<{ enrolled: Enrolled; codeRemoved: boolean }> {
  const settings = Object.fromEntries(PROVISIONED_SETTINGS.map((key) => [key, content[key]]))
  const enrolled = await enrollDesk(core, { backendUrl: content.backendUrl, code, settings }, via)
  const codeRemoved = await removeCode(file)
  if (!codeRemoved) writeDocument(core.db, USED_CODES, [...usedCodes(core), codeFingerprint(code)])
  return { enrolled, codeRemoved }
}

const enrolledEnding = (done: { enrolled: Enrolled; codeRemoved: boolean }) => ({
  result: 'enrolled' as const,
  deskId: done.enrolled.deskId,
  error: null,
  codeRemoved: done.codeRemoved,
})

/** Whether `backendUrl` is another origin than the backend this desk already has. */
function movesBackend(core: Core, backendUrl: string): boolean {
  const current = core.settings.get().backendUrl
  return current !== '' && !sameBackendOrigin(current, backendUrl)
}

const usedCode = (core: Core, code: string) => usedCodes(core).includes(codeFingerprint(code))

function usedCodes(core: Core): string[] {
  const stored = readDocument(core.db, USED_CODES)
  return Array.isArray(stored) ? stored.map(String) : []
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
