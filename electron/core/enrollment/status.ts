import type { EnrollmentStatus } from '../../../src/domain/enrollment/status'
import type { ConnectionCheck } from '../../../src/domain/sync/queue'
import type { Core } from '../core'

/** Whether the desk can send, and what it lacks; the last provisioning file's outcome with it. */
export async function enrollmentStatus(core: Core): Promise<EnrollmentStatus> {
  const { deskId, backendUrl, eventName } = core.settings.get()
  const missing = await core.sync.missing()
  return {
    enrolled: missing.length === 0,
    deskId,
    backendUrl,
    eventName,
    missing,
    provisioning: core.provisioning.outcome,
  }
}

/** Tells the page (the Settings screen, the start banner) that the desk's enrollment changed. */
export async function announceEnrollment(core: Core): Promise<void> {
  core.events.emit('enrollmentChanged', await enrollmentStatus(core))
}

/**
 * "Test connection" and `sync --once`: first what the desk lacks, named (a desk without its id sends
 * nothing, whatever the backend answers), then the backend's own answer.
 */
export async function checkConnection(core: Core): Promise<ConnectionCheck> {
  const missing = await core.sync.missing()
  if (missing.length) return { result: 'not_configured', missing }
  return core.sync.testConnection()
}
