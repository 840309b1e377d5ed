import type { FieldError } from '../result'

/** What a desk needs before it can send anything; `desk status` and `sync --once` name them. */
export type MissingSetting = 'backendUrl' | 'deskId' | 'token'

/**
 * How the provisioning file found at this start went, shown to the agent until they dismiss it; a
 * dismissed one is not shown again at a later start that ends the same way.
 */
export interface ProvisioningOutcome {
  /** This provisioning's fingerprint (file, its content, how it ended): what a dismissal remembers. */
  id: string
  file: string
  result: 'enrolled' | 'failed'
  deskId: string | null
  /** Why it failed: the same codes as "Enroll this desk", or the file's own (not JSON, a field). */
  error: { code: string; message: string; fields?: FieldError[] } | null
  /**
   * After an enrollment: false when the code could not be removed from the file (read-only
   * folder); the desk then remembers the code as used and ignores it, and the admin removes it.
   */
  codeRemoved: boolean | null
  /**
   * With `provisioning_new_backend`: the backend the file names, another origin than the enrolled
   * desk's. Nothing was sent to it; the desk moves there only when an admin accepts (acceptNewBackend).
   */
  newBackendUrl?: string
}

export interface EnrollmentStatus {
  /** Backend address, desk id and token are all there. */
  enrolled: boolean
  deskId: string
  backendUrl: string
  eventName: string
  missing: MissingSetting[]
  provisioning: ProvisioningOutcome | null
}

/** What "Enroll this desk" answers once the token is in the keychain and the settings written. */
export interface Enrolled {
  deskId: string
  eventName: string
  backendUrl: string
}
