import type { Database } from 'better-sqlite3'
import { dayFirst } from '../../../src/domain/registration/birth-date'
import { GuichetFailure } from '../../../src/domain/result'
import type { Correction } from '../../../src/domain/sync/queue'
import type { CapturedRegistration, Registrations } from '../registrations/repository'
import { returnMovedDocuments } from '../registrations/document-meta'
import { takeDraftSlot } from '../registrations/draft-slot'
import { openJson, sealJson } from '../registrations/sealed-json'
import type { Outbox } from './outbox'

/**
 * "Correct and resend": a record the backend refused for something a person must fix (409
 * email_taken, 422 validation_failed) becomes the desk's draft again, with its clientId and its
 * documents. The form loads it like any draft in progress (loadDraft), shows `problem.fields` on the
 * fields, and submitRegistration queues it again under the same clientId, validated as any new one.
 * Only a record the backend never created can change its body: once it holds one under this key, a
 * different body would be refused as idempotency_key_reuse.
 */
export function reopenForCorrection(
  db: Database,
  key: Uint8Array,
  parts: { registrations: Registrations; outbox: Outbox; now: () => Date },
  clientId: string,
): Correction {
  return db.transaction((): Correction => {
    const row = db
      .prepare('SELECT state, server_id, payload FROM registrations WHERE client_id = ?')
      .get(clientId) as { state: string; server_id: string | null; payload: Buffer } | undefined
    if (row?.state !== 'needs_attention' || row.server_id !== null) {
      throw new GuichetFailure(
        'not_correctable',
        'Only a registration the backend refused before creating it can be corrected and sent again.',
      )
    }
    // A draft's scans can be removed and the draft replaced: a scan moved here from another record goes back first.
    returnMovedDocuments(db, key, clientId)
    takeDraftSlot(db, key, clientId)
    const problem = parts.outbox.problemOf(clientId)
    const { student } = openJson<CapturedRegistration>(key, row.payload, clientId)
    // The stored date is ISO; the form shows it as typed at the desk, JJ/MM/AAAA.
    const form = { ...student, birthDate: dayFirst(student.birthDate), emailConfirmation: student.email }
    // Opened again now: the tray's "previous student?" counts from the correction, not the first capture.
    const at = parts.now().toISOString()
    db.prepare(
      `UPDATE registrations SET state = 'draft', payload = ?, request_body = NULL, problem = NULL, documents_seal = NULL, attempts = 0,
         next_attempt_at = NULL, last_error = NULL, updated_at = ?, opened_at = ? WHERE client_id = ?`,
    ).run(sealJson(key, form, clientId), at, at, clientId)
    return { clientId, problem }
  })()
}
