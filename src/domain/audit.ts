/** What the audit log records: who did what, with references and ids only, never personal data. */
export const auditActions = [
  'sign_in',
  'sign_out',
  'lock',
  'unlock',
  'registration_queued',
  'document_viewed',
  'record_corrected',
  'record_discarded',
  'export',
  'import',
  'settings_changed',
  'enrollment',
  'operator_added',
  'operator_removed',
  'admin_pin_set',
] as const

export type AuditAction = (typeof auditActions)[number]

/** Small facts beside the subject: counts, setting names, codes. Never a name, an e-mail or a path. */
export type AuditDetail = Record<string, string | number | boolean | string[]>

/** What a feature hands to `audit.record`: the actor is filled in by the core (who is signed in). */
export interface AuditEvent {
  action: AuditAction
  /** A registration's reference (G-XXXX-XXXX), an operator id, a document id. */
  subject?: string
  detail?: AuditDetail
}

export interface AuditEntry extends Required<Pick<AuditEvent, 'action'>> {
  seq: number
  at: string
  /** `operator:<id>`, `admin`, `cli` or `desk` (the desk itself, e.g. at start). */
  actor: string
  subject: string | null
  detail: AuditDetail | null
}
