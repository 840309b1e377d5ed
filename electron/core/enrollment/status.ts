import type { EnrollmentStatus } from '../../../src/domain/enrollment/status'
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
