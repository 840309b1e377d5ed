import type { Database } from 'better-sqlite3'
import { emptyRegistrationForm, type RegistrationDraft } from '../../../src/domain/registration/empty-form'
import { GuichetFailure } from '../../../src/domain/result'
import { openJson } from './sealed-json'

/**
 * The desk keeps one draft. Another record may take its place only from a draft that holds nothing
 * (no scan, nothing typed); else `draft_in_progress`, whoever asks: a page behind the privacy screen
 * or left open on an old form, a correction, the CLI. Only the agent's discard or a submit gives a
 * draft's scans up. Runs inside the caller's transaction.
 */
export function takeDraftSlot(db: Database, key: Uint8Array, clientId: string): void {
  const draft = db
    .prepare("SELECT client_id, payload FROM registrations WHERE state = 'draft' AND client_id != ?")
    .get(clientId) as { client_id: string; payload: Buffer } | undefined
  if (!draft) return
  const documents = db
    .prepare('SELECT count(*) FROM documents WHERE client_id = ?')
    .pluck()
    .get(draft.client_id)
  const form = openJson<RegistrationDraft>(key, draft.payload, draft.client_id)
  if (documents !== 0 || !isBlank(form, emptyRegistrationForm())) {
    throw new GuichetFailure(
      'draft_in_progress',
      'A registration is being filled in on this desk; send or discard it first.',
    )
  }
  db.prepare("DELETE FROM registrations WHERE client_id = ? AND state = 'draft'").run(draft.client_id)
}

/** Nothing typed: every value empty or as a new form has it. */
function isBlank(value: unknown, initial: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0
  if (value !== null && typeof value === 'object') {
    const start = (initial ?? {}) as Record<string, unknown>
    return Object.entries(value).every(([k, v]) => isBlank(v, start[k]))
  }
  return value === undefined || value === null || value === '' || value === false || value === initial
}
