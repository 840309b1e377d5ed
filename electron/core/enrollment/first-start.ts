import { stat } from 'node:fs/promises'
import { PROVISIONED_SETTINGS } from '../../../src/domain/enrollment/provisioning'
import type { Enrolled, ProvisioningOutcome } from '../../../src/domain/enrollment/status'
import type { AdminVia } from '../admin/admin-actions'
import { GuichetFailure } from '../../../src/domain/result'
import type { Core } from '../core'
import { readDocument, writeDocument } from '../settings-table'
import { enrollDesk } from './enroll'
import { codeFingerprint, readProvisioningFile, removeCode } from './provisioning-file'
import { announceEnrollment } from './status'

const USED_CODES = 'provisioning'

/**
 * At start, enrolls the desk from the first provisioning file found in `locations` that still holds
 * a code. On success the code is removed from the file (or, where the file is read-only, remembered
 * as used by its fingerprint and ignored from then on). On failure nothing changes: the outcome is
 * shown to the agent and the file is tried again at the next start. Bugs are rethrown.
 */
export async function provisionAtStart(
  core: Core,
  locations: readonly string[],
): Promise<ProvisioningOutcome | null> {
  for (const file of locations) {
    if (!(await isFile(file))) continue
    const outcome = await provisionFrom(core, file)
    if (!outcome) continue
    core.provisioning.outcome = outcome
    await announceEnrollment(core)
    return outcome
  }
  return null
}

async function provisionFrom(core: Core, file: string): Promise<ProvisioningOutcome | null> {
  const failed = (error: GuichetFailure): ProvisioningOutcome => ({
    file,
    result: 'failed',
    deskId: null,
    error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
    codeRemoved: null,
  })
  try {
    const done = await enrollFromFile(core, file, 'provisioning_file')
    if (!done) return null
    return {
      file,
      result: 'enrolled',
      deskId: done.enrolled.deskId,
      error: null,
      codeRemoved: done.codeRemoved,
    }
  } catch (error) {
    if (error instanceof GuichetFailure) return failed(error)
    throw error
  }
}

/**
 * Enrolls from one provisioning file (at start, or `desk provision --file`), then takes the code
 * out of it. Null when the file holds no code, or one this desk already used.
 */
export async function enrollFromFile(
  core: Core,
  file: string,
  via: AdminVia,
): Promise<{ enrolled: Enrolled; codeRemoved: boolean } | null> {
  const content = await readProvisioningFile(file)
  const code = content.enrollmentCode
  if (!code || usedCodes(core).includes(codeFingerprint(code))) return null
  const settings = Object.fromEntries(PROVISIONED_SETTINGS.map((key) => [key, content[key]]))
  const enrolled = await enrollDesk(core, { backendUrl: content.backendUrl, code, settings }, via)
  const codeRemoved = await removeCode(file)
  if (!codeRemoved) writeDocument(core.db, USED_CODES, [...usedCodes(core), codeFingerprint(code)])
  return { enrolled, codeRemoved }
}

function usedCodes(core: Core): string[] {
  const stored = readDocument(core.db, USED_CODES)
  return Array.isArray(stored) ? stored.map(String) : []
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )
