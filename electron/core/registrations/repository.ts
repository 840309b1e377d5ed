import type { Database } from 'better-sqlite3'
import { ValidationError } from 'yup'
import type { DocumentKind, RegistrationState } from '../../../src/domain/queue/states'
import { referenceOf } from '../../../src/domain/queue/reference'
import type { RegistrationContext } from '../../../src/domain/registration/context'
import type { ResponseOf } from '../../../src/domain/ipc/contract'
import type { RegistrationDraft } from '../../../src/domain/registration/empty-form'
import { registrationFormSchema, toStudent, type Student } from '../../../src/domain/registration/schema'
import { GuichetFailure, type FieldError } from '../../../src/domain/result'
import { eraseFreed } from '../db/erase'
import { returnMovedDocuments } from './document-meta'
import { emailKeyer } from './email-key'
import { sealDocumentIds } from './record-documents'
import { takeDraftSlot } from './draft-slot'
import { openJson, sealJson } from './sealed-json'

/** What a queued registration holds, sealed: the contract's student and who captured it where. */
export interface CapturedRegistration {
  student: Student
  desk: { id: string; event: string; operator: string }
}

export type Draft = NonNullable<ResponseOf<'loadDraft'>>

export interface Receipt {
  clientId: string
  reference: string
  capturedAt: string
}

interface Row {
  client_id: string
  state: RegistrationState
  payload: Buffer
}

/**
 * Registrations from the first keystroke to the outbox. The draft is saved as the agent types (so it
 * survives a crash); submitting validates it again with the domain schema, whatever the renderer
 * checked, and turns it into a queued record in one statement, its documents already attached.
 */
export class Registrations {
  private readonly emailKey: (email: string) => Buffer

  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.emailKey = emailKeyer(key)
  }

  loadDraft(): Draft | null {
    const row = this.db
      .prepare(
        "SELECT client_id, payload, updated_at, coalesce(opened_at, created_at) AS opened_at FROM registrations WHERE state = 'draft'",
      )
      .get() as (Row & { updated_at: string; opened_at: string }) | undefined
    if (!row) return null
    const form = openJson<RegistrationDraft>(this.key, row.payload, row.client_id)
    return { clientId: row.client_id, form, updatedAt: row.updated_at, openedAt: row.opened_at }
  }

  /**
   * Keeps one draft: saving under a new clientId replaces the previous one only when it holds nothing
   * (draft-slot.ts), so no save, from whatever page, throws away a draft's scans or typing.
   * `openedAt`, when the form was opened, is kept at the earliest sent (a scan may have made the row
   * before the first keystroke) and never later than now.
   */
  saveDraft(clientId: string, form: RegistrationDraft, openedAt?: string): { updatedAt: string } {
    const at = this.now().toISOString()
    const opened =
      openedAt !== undefined && new Date(openedAt) < new Date(at) ? new Date(openedAt).toISOString() : at
    const payload = sealJson(this.key, form, clientId)
    this.db.transaction(() => {
      const existing = this.stateOf(clientId)
      if (existing && existing !== 'draft') throw alreadyQueued(clientId)
      if (existing) {
        this.db
          .prepare(
            'UPDATE registrations SET payload = ?, updated_at = ?, opened_at = min(coalesce(opened_at, ?), ?) WHERE client_id = ?',
          )
          .run(payload, at, opened, opened, clientId)
      } else {
        takeDraftSlot(this.db, this.key, clientId)
        this.db
          .prepare(
            "INSERT INTO registrations (client_id, state, payload, created_at, updated_at, opened_at) VALUES (?, 'draft', ?, ?, ?, ?)",
          )
          .run(clientId, payload, at, at, opened)
      }
    })()
    return { updatedAt: at }
  }

  /** Makes sure a draft row exists for `clientId`, e.g. when a scan comes before the first keystroke. */
  ensureDraft(clientId: string): void {
    if (this.stateOf(clientId) === undefined) this.saveDraft(clientId, {})
  }

  /** Deletes the draft and its document rows; returns the vault ids whose files are now unreferenced. */
  discardDraft(clientId: string): string[] {
    const ids = this.db.transaction(() => {
      if (this.stateOf(clientId) !== 'draft') return []
      const ids = returnMovedDocuments(this.db, this.key, clientId)
      this.db.prepare("DELETE FROM registrations WHERE client_id = ? AND state = 'draft'").run(clientId)
      return ids
    })()
    eraseFreed(this.db)
    return ids
  }

  async submit(
    clientId: string,
    form: unknown,
    desk: CapturedRegistration['desk'],
    context: RegistrationContext,
  ): Promise<Receipt> {
    const capturedAt = this.now()
    const student = toStudent(await validateForm(form, { ...context, now: capturedAt }))
    const emailKey = this.emailKey(student.email)
    const at = capturedAt.toISOString()
    const captured: CapturedRegistration = { student, desk }
    const payload = sealJson(this.key, captured, clientId)
    this.db.transaction(() => {
      const state = this.stateOf(clientId)
      if (state && state !== 'draft') throw alreadyQueued(clientId)
      this.assertDocuments(clientId, student)
      this.assertEmailFree(emailKey, clientId)
      const documents = sealDocumentIds(this.key, clientId, this.documentIds(clientId))
      if (state) {
        this.db
          .prepare(
            "UPDATE registrations SET state = 'queued', payload = ?, email_key = ?, captured_at = ?, updated_at = ?, documents_seal = ? WHERE client_id = ?",
          )
          .run(payload, emailKey, at, at, documents, clientId)
      } else {
        this.db
          .prepare(
            `INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at, captured_at, documents_seal)
             VALUES (?, 'queued', ?, ?, ?, ?, ?, ?)`,
          )
          .run(clientId, payload, emailKey, at, at, at, documents)
      }
    })()
    return { clientId, reference: referenceOf(clientId), capturedAt: at }
  }

  /** The sealed content of a queued record, for the sync and the queue screen. */
  read(clientId: string): CapturedRegistration {
    const row = this.db
      .prepare("SELECT client_id, payload FROM registrations WHERE client_id = ? AND state != 'draft'")
      .get(clientId) as Row | undefined
    if (!row) throw new GuichetFailure('not_found', 'No such registration on this desk.')
    return openJson<CapturedRegistration>(this.key, row.payload, clientId)
  }

  private stateOf(clientId: string): RegistrationState | undefined {
    return this.db.prepare('SELECT state FROM registrations WHERE client_id = ?').pluck().get(clientId) as
      RegistrationState | undefined
  }

  private documentIds(clientId: string): string[] {
    return this.db.prepare('SELECT id FROM documents WHERE client_id = ?').pluck().all(clientId) as string[]
  }

  private assertEmailFree(emailKey: Buffer, clientId: string): void {
    const holder = this.db
      .prepare('SELECT client_id FROM registrations WHERE email_key = ? AND client_id != ?')
      .pluck()
      .get(emailKey, clientId) as string | undefined
    if (!holder) return
    const reference = referenceOf(holder)
    throw new GuichetFailure(
      'email_on_desk',
      `This e-mail address is already used by registration ${reference}.`,
      [{ path: 'email', code: 'email_on_desk', message: 'email_on_desk', params: { reference } }],
    )
  }

  private assertDocuments(clientId: string, student: Student): void {
    const kinds = new Set(
      this.db
        .prepare('SELECT DISTINCT kind FROM documents WHERE client_id = ?')
        .pluck()
        .all(clientId) as DocumentKind[],
    )
    const missing: FieldError[] = []
    if (!kinds.has('identity')) {
      missing.push({ path: 'documents.identity', code: 'document_required', message: 'document_required' })
    }
    if (student.noIne && !kinds.has('enrollment')) {
      missing.push({
        path: 'documents.enrollment',
        code: 'enrollment_required',
        message: 'enrollment_required',
      })
    }
    if (missing.length) {
      throw new GuichetFailure('documents_missing', 'A required document is missing.', missing)
    }
  }
}

async function validateForm(form: unknown, context: RegistrationContext) {
  try {
    return await registrationFormSchema.validate(form, { abortEarly: false, stripUnknown: false, context })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const fields = error.inner.map((e) => ({ path: e.path ?? '', code: e.message, message: e.message }))
    throw new GuichetFailure('invalid_registration', 'Some fields are not valid.', fields)
  }
}

function alreadyQueued(clientId: string): GuichetFailure {
  return new GuichetFailure(
    'already_queued',
    `Registration ${referenceOf(clientId)} is already in the queue; start a new registration.`,
  )
}
