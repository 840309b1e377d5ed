import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { ProvisioningOutcome } from '../../../src/domain/enrollment/status'
import type { Core } from '../core'
import { readDocument, writeDocument } from '../settings-table'

const DISMISSED = 'provisioning-notices-dismissed'
/** A desk meets a handful of provisioning files in its life; the oldest dismissals go first. */
const KEEP = 20

/**
 * One provisioning's fingerprint: the file, its bytes as read before the attempt, and how it ended
 * (the failure's code and fields, not its wording). The same unchanged file failing the same way
 * at every start is one provisioning; a new code, a fixed field or another failure is another.
 */
export function provisioningId(
  file: string,
  content: Buffer | null,
  outcome: Omit<ProvisioningOutcome, 'id' | 'file'>,
): string {
  const ending = {
    result: outcome.result,
    deskId: outcome.deskId,
    error: outcome.error && { code: outcome.error.code, fields: outcome.error.fields ?? [] },
    codeRemoved: outcome.codeRemoved,
  }
  return createHash('sha256')
    .update(
      JSON.stringify([file, content ? createHash('sha256').update(content).digest('hex') : null, ending]),
    )
    .digest('hex')
}

/** Whether the agent already read and closed the notice of this provisioning, at this start or before. */
export function wasDismissed(db: Database, id: string): boolean {
  return dismissed(db).includes(id)
}

/** The agent closed the notice: gone now, and not shown at a later start that ends the same way. */
export function dismissProvisioning(core: Core, id: string): void {
  // Only the notice on screen can be closed: a page cannot silence a provisioning yet to come.
  if (core.provisioning.outcome?.id !== id) return
  writeDocument(core.db, DISMISSED, [...dismissed(core.db).filter((known) => known !== id), id].slice(-KEEP))
  core.provisioning.outcome = null
}

function dismissed(db: Database): string[] {
  const stored = readDocument(db, DISMISSED)
  return Array.isArray(stored) ? stored.map(String) : []
}
