import type { Database } from 'better-sqlite3'
import type { QueueCounts } from '../../../src/domain/ipc/events'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import { referenceOf } from '../../../src/domain/queue/reference'
import { outboxStates, type DocumentKind } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import type { Correction, OutboxState, QueuePage, RecordProblem } from '../../../src/domain/sync/queue'
import { open, seal } from '../crypto/aead'
import { eraseFreed } from '../db/erase'
import type { CapturedRegistration, Registrations } from '../registrations/repository'
import { openJson, sealJson } from '../registrations/sealed-json'
import { emailKeyer } from '../registrations/email-key'
import type { ExportedRecord } from '../transfer/record'
import { reopenForCorrection } from './correction'
import { listQueue, type QueueQuery } from './queue-list'
import { bodyAad, problemAad } from './sealing'
import { buildRequestBody, type EmailVerificationProof } from './request-body'
import { Verifications } from './verifications'

/** A document as the sync sends it: the vault id to read its bytes, and what the URL and headers say. */
export interface OutgoingDocument {
  id: string
  sha256: string
  mediaType: DocumentSummary['mediaType']
  size: number
}

/** A record taken by the sync for one try. */
export interface Claimed {
  clientId: string
  /** The POST body, the same bytes on every try. */
  body: Buffer
  attempts: number
  documents: OutgoingDocument[]
}

interface ClaimRow {
  client_id: string
  payload: Buffer
  captured_at: string
  attempts: number
  request_body: Buffer | null
}

interface DocumentRow extends OutgoingDocument {
  kind: DocumentKind
  meta: Buffer
}

/** Ready for a try: never tried, half-sent (resumed from the replay), or waiting and due. */
const DUE = `(state IN ('queued', 'awaiting_documents') OR (state = 'retry_wait' AND next_attempt_at <= @now))`

class UnreadableRecord extends Error {
  constructor(
    readonly clientId: string,
    override readonly cause: GuichetFailure,
  ) {
    super(cause.message)
  }
}

/**
 * The outbox's state machine over the registrations table (DESIGN.md, Data): every change of state is
 * one transaction, so a crash leaves each record in a state the next start can resume from. `sending`
 * only means "a try was under way": found at start, it goes back to `queued`, and the backend's replay
 * of the Idempotency-Key says what is left to do.
 */
export class Outbox {
  readonly verifications: Verifications
  private readonly emailKey: (email: string) => Buffer

  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly now: () => Date,
    /** Called after every change, for the queue screen's counts. */
    private readonly onChange: () => void = () => {},
  ) {
    this.verifications = new Verifications(db, key)
    this.emailKey = emailKeyer(key)
  }

  /** At start: tries cut short by a crash or a quit are taken up again. */
  recover(): number {
    const { changes } = this.db
      .prepare("UPDATE registrations SET state = 'queued' WHERE state = 'sending'")
      .run()
    if (changes) this.onChange()
    return changes
  }

  /**
   * Takes the next due record (oldest first) that is not among `busy`, marks it `sending`, and hands
   * out its body: built now on its first try and kept sealed, read back on every other.
   */
  claimNext(busy: readonly string[], deskId: string): Claimed | null {
    for (;;) {
      try {
        return this.claimOne(busy, deskId)
      } catch (error) {
        // A record this desk cannot read (altered, or sealed under another key) waits for a person;
        // it must not stop every record behind it.
        if (!(error instanceof UnreadableRecord)) throw error
        this.toAttention(error.clientId, { code: error.cause.code, message: error.cause.message }, [
          'queued',
          'retry_wait',
          'awaiting_documents',
        ])
      }
    }
  }

  private claimOne(busy: readonly string[], deskId: string): Claimed | null {
    const claimed = this.db.transaction((): Claimed | null => {
      const row = this.db
        .prepare(
          `SELECT client_id, payload, captured_at, attempts, request_body FROM registrations
           WHERE ${DUE} AND client_id NOT IN (SELECT value FROM json_each(@busy))
           ORDER BY coalesce(next_attempt_at, captured_at), captured_at LIMIT 1`,
        )
        .get({ now: this.iso(), busy: JSON.stringify(busy) }) as ClaimRow | undefined
      if (!row) return null
      const clientId = row.client_id
      let documents: DocumentRow[]
      let body: Buffer
      try {
        documents = this.documentRows(clientId)
        body = this.keptBody(row, documents, deskId)
      } catch (error) {
        if (error instanceof GuichetFailure && error.code === 'decrypt_failed')
          throw new UnreadableRecord(clientId, error)
        throw error
      }
      this.db.prepare("UPDATE registrations SET state = 'sending' WHERE client_id = ?").run(clientId)
      return {
        clientId,
        body,
        attempts: row.attempts,
        documents: documents.map(({ id, sha256, mediaType, size }) => ({ id, sha256, mediaType, size })),
      }
    })()
    if (claimed) this.onChange()
    return claimed
  }

  /**
   * The record's POST body, built and kept now if it never was: an export carries it, so that the
   * desk importing the record sends the very bytes this one would (and may already have) sent.
   */
  body(clientId: string, deskId: string): Buffer {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          'SELECT client_id, payload, captured_at, attempts, request_body FROM registrations WHERE client_id = ?',
        )
        .get(clientId) as ClaimRow | undefined
      if (!row) throw new GuichetFailure('not_found', 'No such registration in the queue.')
      return this.keptBody(row, this.documentRows(clientId), deskId)
    })()
  }

  private keptBody(row: ClaimRow, documents: DocumentRow[], deskId: string): Buffer {
    if (row.request_body) return open(this.key, row.request_body, bodyAad(row.client_id))
    const body = this.firstBody(row, documents, deskId)
    this.db
      .prepare('UPDATE registrations SET request_body = ? WHERE client_id = ?')
      .run(seal(this.key, body, bodyAad(row.client_id)), row.client_id)
    return body
  }

  private documentRows(clientId: string): DocumentRow[] {
    return this.db
      .prepare(
        'SELECT id, kind, meta, sha256, media_type AS mediaType, size FROM documents WHERE client_id = ? ORDER BY added_at, rowid',
      )
      .all(clientId) as DocumentRow[]
  }

  private firstBody(row: ClaimRow, documents: DocumentRow[], deskId: string): Buffer {
    const captured = openJson<CapturedRegistration>(this.key, row.payload, row.client_id)
    const proof: EmailVerificationProof | null = this.verifications.proofFor(
      row.client_id,
      captured.student.email,
    )
    return buildRequestBody({
      clientId: row.client_id,
      capturedAt: row.captured_at,
      captured,
      deskId,
      documents: documents.map((d) => ({
        kind: d.kind,
        sha256: d.sha256,
        size: d.size,
        mediaType: d.mediaType,
        fileName: openJson<{ fileName: string }>(this.key, d.meta, d.id).fileName,
      })),
      emailVerification: proof,
    })
  }

  /** The backend holds the record (201 or a replay); its documents and the submit are what is left. */
  toAwaiting(clientId: string, serverId: string): void {
    this.change(
      "UPDATE registrations SET state = 'awaiting_documents', server_id = ?, updated_at = ? WHERE client_id = ? AND state = 'sending'",
      serverId,
      this.iso(),
      clientId,
    )
  }

  /**
   * Submit answered 200: the record leaves the outbox. Its scans are not needed any more, so their
   * rows go in the same transaction; the caller deletes the files whose ids this returns.
   */
  toSubmitted(clientId: string, serverStatus: string): string[] {
    const ids = this.db.transaction(() => {
      const at = this.iso()
      const { changes } = this.db
        .prepare(
          `UPDATE registrations SET state = 'submitted', submitted_at = ?, updated_at = ?, server_status = ?,
             status_checked_at = ?, last_error = NULL, problem = NULL, next_attempt_at = NULL
           WHERE client_id = ? AND state IN ('sending', 'awaiting_documents')`,
        )
        .run(at, at, serverStatus, at, clientId)
      if (!changes) return []
      const ids = this.db
        .prepare('SELECT id FROM documents WHERE client_id = ?')
        .pluck()
        .all(clientId) as string[]
      this.db.prepare('DELETE FROM documents WHERE client_id = ?').run(clientId)
      return ids
    })()
    this.onChange()
    return ids
  }

  /** A failure that time may cure: try again after `delayMs`. */
  toRetry(clientId: string, problem: RecordProblem, delayMs: number): void {
    const next = new Date(this.now().getTime() + delayMs).toISOString()
    this.change(
      `UPDATE registrations SET state = 'retry_wait', attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
         updated_at = ? WHERE client_id = ? AND state IN ('sending', 'awaiting_documents')`,
      next,
      JSON.stringify({ code: problem.code, message: problem.message }),
      this.iso(),
      clientId,
    )
  }

  /** The backend refused the record in a way only a person can fix. */
  toAttention(
    clientId: string,
    problem: RecordProblem,
    from: readonly OutboxState[] = ['sending', 'awaiting_documents'],
  ): void {
    this.change(
      `UPDATE registrations SET state = 'needs_attention', attempts = attempts + 1, next_attempt_at = NULL,
         last_error = ?, problem = ?, updated_at = ?
       WHERE client_id = ? AND state IN (SELECT value FROM json_each(?))`,
      JSON.stringify({ code: problem.code, message: problem.message }),
      sealJson(this.key, problem, problemAad(clientId)),
      this.iso(),
      clientId,
      JSON.stringify(from),
    )
  }

  /** A try that was stopped, not failed (the desk token was refused, the desk is closing). */
  release(clientId: string): void {
    this.change(
      `UPDATE registrations SET state = CASE WHEN server_id IS NULL THEN 'queued' ELSE 'awaiting_documents' END
       WHERE client_id = ? AND state = 'sending'`,
      clientId,
    )
  }

  /** When the next record waiting to retry is due; null when none waits. */
  nextDueAt(): Date | null {
    const at = this.db
      .prepare("SELECT min(next_attempt_at) FROM registrations WHERE state = 'retry_wait'")
      .pluck()
      .get() as string | null
    return at ? new Date(at) : null
  }

  hasDueNow(): boolean {
    return (
      this.db.prepare(`SELECT 1 FROM registrations WHERE ${DUE} LIMIT 1`).get({ now: this.iso() }) !==
      undefined
    )
  }

  counts(): QueueCounts {
    const counts = Object.fromEntries(outboxStates.map((s) => [s, 0])) as QueueCounts
    const rows = this.db
      .prepare("SELECT state, count(*) AS n FROM registrations WHERE state != 'draft' GROUP BY state")
      .all() as { state: OutboxState; n: number }[]
    for (const { state, n } of rows) counts[state] = n
    return counts
  }

  /** "Retry now": one record, or every record waiting, is due at once. Returns how many. */
  retryNow(clientId?: string): number {
    const { changes } = this.db
      .prepare(
        "UPDATE registrations SET next_attempt_at = ? WHERE state = 'retry_wait' AND (? IS NULL OR client_id = ?)",
      )
      .run(this.iso(), clientId ?? null, clientId ?? null)
    if (changes) this.onChange()
    return changes
  }

  /** Back online: what failed only because the network was gone need not sit out its backoff. */
  retryNetworkFailures(): number {
    const { changes } = this.db
      .prepare(
        `UPDATE registrations SET next_attempt_at = ? WHERE state = 'retry_wait'
           AND json_extract(last_error, '$.code') IN ('network', 'timeout') AND next_attempt_at > ?`,
      )
      .run(this.iso(), this.iso())
    return changes
  }

  /**
   * Takes a record out of the outbox for good (an admin's decision, confirmed by typing its
   * reference). Never a record being sent, nor one the backend already has as submitted.
   */
  discard(clientId: string, reference: string): string[] {
    if (reference.toUpperCase() !== referenceOf(clientId)) {
      throw new GuichetFailure(
        'reference_mismatch',
        'The reference typed is not the one of this registration.',
      )
    }
    const ids = this.db.transaction(() => {
      const state = this.stateOf(clientId)
      if (!state || state === 'draft')
        throw new GuichetFailure('not_found', 'No such registration in the queue.')
      if (state === 'sending' || state === 'submitted') {
        throw new GuichetFailure(
          'record_busy',
          state === 'sending'
            ? 'This registration is being sent right now; pause the sync first.'
            : 'This registration was already received by the backend.',
        )
      }
      const ids = this.db
        .prepare('SELECT id FROM documents WHERE client_id = ?')
        .pluck()
        .all(clientId) as string[]
      this.db.prepare('DELETE FROM registrations WHERE client_id = ?').run(clientId)
      this.db.prepare('DELETE FROM email_verifications WHERE client_id = ?').run(clientId)
      return ids
    })()
    eraseFreed(this.db)
    this.onChange()
    return ids
  }

  /**
   * Leaves only the receipt (reference, time, server id, status) of records sent more than
   * `retentionDays` ago: the sealed content, the e-mail's keyed hash and the sent body go.
   */
  purgeExpired(retentionDays: number): number {
    const cutoff = new Date(this.now().getTime() - retentionDays * 86_400_000).toISOString()
    const changes = this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE registrations SET payload = X'', email_key = NULL, request_body = NULL, problem = NULL,
             server_reason = NULL, purged_at = ? WHERE state = 'submitted' AND purged_at IS NULL AND submitted_at <= ?`,
        )
        .run(this.iso(), cutoff)
      this.db
        .prepare(
          'DELETE FROM email_verifications WHERE client_id NOT IN (SELECT client_id FROM registrations WHERE purged_at IS NULL)',
        )
        .run()
      return changes
    })()
    if (changes) {
      eraseFreed(this.db)
      this.onChange()
    }
    return changes
  }

  /** Sent records still kept whose status may still change, least recently checked first. */
  toRefresh(checkedBefore: Date, limit: number): { clientId: string; serverId: string }[] {
    return this.db
      .prepare(
        `SELECT client_id AS clientId, server_id AS serverId FROM registrations
         WHERE state = 'submitted' AND purged_at IS NULL AND server_id IS NOT NULL
           AND coalesce(server_status, '') NOT IN ('verified', 'rejected') AND coalesce(status_checked_at, '') < ?
         ORDER BY status_checked_at LIMIT ?`,
      )
      .all(checkedBefore.toISOString(), limit) as { clientId: string; serverId: string }[]
  }

  /**
   * The backend's status of a sent record. Its free-text reason is not kept: it may quote the
   * student, and nothing on the desk needs it.
   */
  setServerStatus(clientId: string, status: string): void {
    const { changes } = this.db
      .prepare(
        `UPDATE registrations SET status_checked_at = ?, server_status = ?
         WHERE client_id = ? AND coalesce(server_status, '') != ?`,
      )
      .run(this.iso(), status, clientId, status)
    if (!changes) {
      this.db
        .prepare('UPDATE registrations SET status_checked_at = ? WHERE client_id = ?')
        .run(this.iso(), clientId)
    } else this.onChange()
  }

  /** The backend's complaint about a record that needs attention, for the form to show on the fields. */
  problemOf(clientId: string): RecordProblem | null {
    const sealed = this.db
      .prepare('SELECT problem FROM registrations WHERE client_id = ?')
      .pluck()
      .get(clientId) as Buffer | null | undefined
    return sealed ? openJson<RecordProblem>(this.key, sealed, problemAad(clientId)) : null
  }

  stateOf(clientId: string): string | undefined {
    return this.db.prepare('SELECT state FROM registrations WHERE client_id = ?').pluck().get(clientId) as
      string | undefined
  }

  /**
   * Takes in a record exported by another desk, its documents already in the vault under
   * `documentIds` (in the record's order), with its clientId and its frozen body. Returns false,
   * changing nothing, when this desk already holds the clientId; throws `email_on_desk` when another
   * record here has the same e-mail address.
   */
  adopt(record: ExportedRecord, documentIds: readonly string[]): boolean {
    const { clientId } = record
    const emailKey = this.emailKey(record.captured.student.email)
    const adopted = this.db.transaction(() => {
      if (this.stateOf(clientId) !== undefined) return false
      if (this.db.prepare('SELECT 1 FROM registrations WHERE email_key = ?').get(emailKey)) {
        throw new GuichetFailure(
          'email_on_desk',
          'Another registration on this desk has the same e-mail address.',
        )
      }
      this.db
        .prepare(
          `INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at, captured_at,
             attempts, last_error, server_id, request_body, problem)
           VALUES (@clientId, @state, @payload, @emailKey, @createdAt, @now, @capturedAt, @attempts, @lastError,
             @serverId, @body, @problem)`,
        )
        .run({
          clientId,
          state: record.needsAttention ? 'needs_attention' : 'queued',
          payload: sealJson(this.key, record.captured, clientId),
          emailKey,
          createdAt: record.createdAt,
          now: this.iso(),
          capturedAt: record.capturedAt,
          attempts: record.attempts,
          lastError: record.lastError && JSON.stringify(record.lastError),
          serverId: record.serverId,
          body: seal(this.key, Buffer.from(record.requestBody), bodyAad(clientId)),
          problem: record.problem && sealJson(this.key, record.problem, problemAad(clientId)),
        })
      const insert = this.db.prepare(
        `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, checked, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      record.documents.forEach((doc, i) => {
        const id = documentIds[i] ?? ''
        const { fileName, pages, width, height } = doc
        const meta = sealJson(this.key, { fileName, pages, width, height }, id)
        insert.run(
          id,
          clientId,
          doc.kind,
          meta,
          doc.mediaType,
          doc.size,
          doc.sha256,
          doc.checked ? 1 : 0,
          this.iso(),
        )
      })
      if (record.emailVerification) {
        this.verifications.record(clientId, record.captured.student.email, record.emailVerification)
      }
      return true
    })()
    if (adopted) this.onChange()
    return adopted
  }

  /** The queue screen's list, a page at a time. */
  list(query: QueueQuery): QueuePage {
    return listQueue(this.db, this.key, query)
  }

  /** "Correct and resend": see correction.ts. */
  reopenForCorrection(registrations: Registrations, clientId: string): Correction {
    const correction = reopenForCorrection(
      this.db,
      this.key,
      { registrations, outbox: this, now: this.now },
      clientId,
    )
    this.onChange()
    return correction
  }

  private change(sql: string, ...params: unknown[]): void {
    if (this.db.prepare(sql).run(...params).changes) this.onChange()
  }

  private iso(): string {
    return this.now().toISOString()
  }
}
