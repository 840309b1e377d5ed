import type { Database, Statement } from 'better-sqlite3'
import type { QueueCounts } from '../../../src/domain/ipc/events'
import { referenceOf } from '../../../src/domain/queue/reference'
import { outboxStates } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import type { Correction, OutboxState, QueuePage, RecordProblem } from '../../../src/domain/sync/queue'
import { eraseFreed } from '../db/erase'
import { statement } from '../db/statements'
import { unflushed } from '../db/unflushed'
import { returnMovedDocuments } from '../registrations/document-meta'
import { openJson, sealJson } from '../registrations/sealed-json'
import { emailKeyer } from '../registrations/email-key'
import type { ExportedRecord } from '../transfer/record'
import { adoptRecord } from './adoption'
import { reopenForCorrection } from './correction'
import { DueRecords } from './due'
import { FirstBody, type BodyRow, type OutgoingDocument } from './first-body'
import { listQueue, type QueueQuery } from './queue-list'
import { Retention } from './retention'
import { ClockSetBack } from './clock-set-back'
import { problemAad } from './sealing'
import { Verifications } from './verifications'

/** A record taken by the sync for one try. */
export interface Claimed {
  clientId: string
  /** The POST body, the same bytes on every try. */
  body: Buffer
  attempts: number
  documents: OutgoingDocument[]
}

export type { OutgoingDocument }

/** What the backend answered to a record's submit. */
export interface Submitted {
  clientId: string
  serverStatus: string
  serverId: string
}

/** What one commit of the sync does (see `Outbox.commit`); each part may be empty. */
export interface SyncCommit {
  /** Records whose submit was answered: they leave the outbox. */
  submitted?: readonly Submitted[]
  /** Records claimed and never started: back to where they were, without a failed try. */
  released?: readonly string[]
  /** Up to `count` due records to claim, none of `busy`. */
  claim?: { count: number; busy: readonly string[]; deskId: string }
}

interface CommitOutcome {
  claimed: Claimed[]
  sentScans: string[]
  /** Whether any row changed, for `onChange`. */
  changed: boolean
}

/** How many more first bodies a flushed claim builds and keeps (see keepBodiesAhead). */
const BODIES_AHEAD = 63

/**
 * Failures that make a record unreadable on this desk: it does not open (altered, another key), or a
 * scan's row is not the one sealed with it (moved from another record, its digest or size changed).
 * No retry cures them and nothing of the record may go: it waits for a person, and nothing is deleted.
 */
const UNREADABLE: ReadonlySet<string> = new Set(['decrypt_failed', 'document_altered'])
const unreadable = (error: unknown): error is GuichetFailure =>
  error instanceof GuichetFailure && UNREADABLE.has(error.code)

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
  private readonly firstBody: FirstBody
  private readonly due: DueRecords
  private readonly retention: Retention
  private readonly clockSetBack: ClockSetBack
  // Created once: better-sqlite3 builds a transaction's wrappers anew on every `db.transaction`.
  private readonly commitTransaction: (commit: SyncCommit, flushed: boolean) => CommitOutcome

  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly now: () => Date,
    /** Called after every change, for the queue screen's counts. */
    private readonly onChange: () => void = () => {},
  ) {
    this.verifications = new Verifications(db, key)
    this.emailKey = emailKeyer(key)
    this.firstBody = new FirstBody(db, key, this.verifications)
    this.due = new DueRecords(db)
    this.retention = new Retention(db, now, onChange)
    this.clockSetBack = new ClockSetBack(db)
    this.commitTransaction = db.transaction((commit: SyncCommit, flushed: boolean) =>
      this.commitIn(commit, flushed),
    )
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
   * One commit of the sync, serving several records: the sent records leave the outbox (the ids of
   * their scans are returned, for the caller to delete after this returns), the claimed records never
   * started go back, and up to `claim.count` due records, oldest first, are marked `sending` and handed
   * out with their bodies: built now on a first try and kept sealed, read back on every other.
   *
   * A first body is kept before it is ever sent, so the commit that builds one waits for the disk.
   * Other commits need not: a power cut that undoes one leaves its claimed records due, as `recover`
   * would, and its sent records `sending`, whose replayed POST answers that the backend holds every
   * document (nothing is read from the vault, whose files may be gone) and whose submit, idempotent,
   * answers 200 again (test/core/sync/unflushed-sync.test.ts).
   */
  commit(commit: SyncCommit): { claimed: Claimed[]; sentScans: string[] } {
    const { submitted = [], released = [], claim } = commit
    const first = claim ? this.due.next(this.settledNow(), claim.busy) : undefined
    if (!first && !submitted.length && !released.length) return { claimed: [], sentScans: [] }
    const flushed = first !== undefined && !first.request_body
    const run = (): CommitOutcome => this.commitTransaction(commit, flushed)
    const { claimed, sentScans, changed } = flushed ? run() : unflushed(this.db, run)
    if (changed) this.onChange()
    return { claimed, sentScans }
  }

  private commitIn({ submitted = [], released = [], claim }: SyncCommit, flushed: boolean): CommitOutcome {
    const sentScans = submitted.flatMap((s) => this.submittedIn(s.clientId, s.serverStatus, s.serverId))
    let changed = submitted.length > 0
    for (const clientId of released) changed = this.releaseIn(clientId) || changed
    const claimed: Claimed[] = []
    if (!claim) return { claimed, sentScans, changed }
    const busy = [...claim.busy]
    let builtBody = false
    while (claimed.length < claim.count) {
      const row = this.due.next(this.iso(), busy)
      // A first body is built only in a commit that waits for the disk: that record waits for the next.
      if (!row || (!row.request_body && !flushed)) break
      busy.push(row.client_id)
      changed = true
      try {
        claimed.push(this.claimIn(row, claim.deskId))
        builtBody ||= !row.request_body
      } catch (error) {
        // A record this desk cannot read (altered, or sealed under another key) waits for a person;
        // it must not stop every record behind it.
        if (!(error instanceof UnreadableRecord)) throw error
        const { code, message } = error.cause
        this.attentionIn(row.client_id, { code, message }, ['queued', 'retry_wait', 'awaiting_documents'])
      }
    }
    if (builtBody) this.keepBodiesAhead(claim.deskId)
    return { claimed, sentScans, changed }
  }

  private claimIn(row: BodyRow, deskId: string): Claimed {
    const clientId = row.client_id
    let documents
    let body: Buffer
    try {
      documents = this.firstBody.documents(row)
      body = this.firstBody.kept(row, documents, deskId)
    } catch (error) {
      if (unreadable(error)) throw new UnreadableRecord(clientId, error)
      throw error
    }
    this.prepared("UPDATE registrations SET state = 'sending' WHERE client_id = ?").run(clientId)
    return {
      clientId,
      body,
      attempts: row.attempts,
      documents: documents.map(({ id, sha256, mediaType, size }) => ({ id, sha256, mediaType, size })),
    }
  }

  /**
   * Builds and keeps the first bodies of the next queued records in the commit that keeps this one:
   * each first body must reach the disk before it is sent, and one flush for BODIES_AHEAD + 1 records
   * costs what one flush per record did. A body built a little early is the same bytes (it depends
   * only on the capture, kept unchanged while queued). A record this desk cannot read is left for its
   * own claim to set aside.
   */
  private keepBodiesAhead(deskId: string): void {
    for (const row of this.due.withoutBody(BODIES_AHEAD)) {
      try {
        this.firstBody.kept(row, this.firstBody.documents(row), deskId)
      } catch (error) {
        if (!unreadable(error)) throw error
      }
    }
  }

  /**
   * The record's POST body, built and kept now if it never was: an export carries it, so that the
   * desk importing the record sends the very bytes this one would (and may already have) sent.
   */
  body(clientId: string, deskId: string): Buffer {
    return this.db.transaction(() => {
      const row = this.db
        .prepare(
          'SELECT client_id, payload, captured_at, attempts, request_body, documents_seal FROM registrations WHERE client_id = ?',
        )
        .get(clientId) as BodyRow | undefined
      if (!row) throw new GuichetFailure('not_found', 'No such registration in the queue.')
      return this.firstBody.kept(row, this.firstBody.documents(row), deskId)
    })()
  }

  /**
   * Submit answered 200: the record leaves the outbox, with `serverId`, the backend's id, for the
   * status refresh. Its scans are not needed any more, so their rows go in the same transaction; the
   * caller deletes the files whose ids this returns.
   */
  private submittedIn(clientId: string, serverStatus: string, serverId: string | null): string[] {
    const at = this.iso()
    const { changes } = this.prepared(
      `UPDATE registrations SET state = 'submitted', submitted_at = ?, updated_at = ?, server_status = ?,
         status_checked_at = ?, last_error = NULL, problem = NULL, next_attempt_at = NULL,
         server_id = coalesce(?, server_id)
       WHERE client_id = ? AND state IN ('sending', 'awaiting_documents')`,
    ).run(at, at, serverStatus, at, serverId, clientId)
    if (!changes) return []
    const ids = this.prepared('SELECT id FROM documents WHERE client_id = ?')
      .pluck()
      .all(clientId) as string[]
    this.prepared('DELETE FROM documents WHERE client_id = ?').run(clientId)
    return ids
  }

  /**
   * A failure that time may cure: try again after `delayMs`. Not flushed: undone, the record is
   * `sending`, `recover` queues it, and it is only tried sooner (and its attempt not counted).
   */
  toRetry(clientId: string, problem: RecordProblem, delayMs: number, serverId?: string): void {
    const next = new Date(this.now().getTime() + delayMs).toISOString()
    this.unflushedChange(
      `UPDATE registrations SET state = 'retry_wait', attempts = attempts + 1, next_attempt_at = ?, retry_delay_ms = ?,
         last_error = ?, updated_at = ?, server_id = coalesce(?, server_id)
       WHERE client_id = ? AND state IN ('sending', 'awaiting_documents')`,
      next,
      Math.round(delayMs),
      JSON.stringify({ code: problem.code, message: problem.message }),
      this.iso(),
      serverId ?? null,
      clientId,
    )
  }

  /**
   * The backend refused the record in a way only a person can fix. Not flushed: undone, the record is
   * tried once more and refused again (the backend answers the same bytes the same way; an unreadable
   * record fails to open again), which costs one request.
   */
  toAttention(clientId: string, problem: RecordProblem, { serverId }: { serverId?: string } = {}): void {
    const from = ['sending', 'awaiting_documents'] as const
    if (unflushed(this.db, () => this.attentionIn(clientId, problem, from, serverId))) this.onChange()
  }

  private attentionIn(
    clientId: string,
    problem: RecordProblem,
    from: readonly OutboxState[],
    serverId?: string,
  ): boolean {
    return (
      this.prepared(
        `UPDATE registrations SET state = 'needs_attention', attempts = attempts + 1, next_attempt_at = NULL,
           last_error = ?, problem = ?, updated_at = ?, server_id = coalesce(?, server_id)
         WHERE client_id = ? AND state IN (SELECT value FROM json_each(?))`,
      ).run(
        JSON.stringify({ code: problem.code, message: problem.message }),
        sealJson(this.key, problem, problemAad(clientId)),
        this.iso(),
        serverId ?? null,
        clientId,
        JSON.stringify(from),
      ).changes > 0
    )
  }

  /**
   * A try that was stopped, not failed (the desk token was refused, the sync paused). Like the mark
   * `sending`, undoing it needs no flush: a power cut leaves the record to `recover`.
   */
  release(clientId: string, serverId?: string): void {
    if (unflushed(this.db, () => this.releaseIn(clientId, serverId))) this.onChange()
  }

  private releaseIn(clientId: string, serverId?: string): boolean {
    return (
      this.prepared(
        `UPDATE registrations SET server_id = coalesce(?, server_id),
           state = CASE WHEN coalesce(?, server_id) IS NULL THEN 'queued' ELSE 'awaiting_documents' END
           WHERE client_id = ? AND state = 'sending'`,
      ).run(serverId ?? null, serverId ?? null, clientId).changes > 0
    )
  }

  /** When the next record waiting to retry is due; null when none waits. */
  nextDueAt(): Date | null {
    this.settledNow()
    const at = this.due.nextAt()
    return at ? new Date(at) : null
  }

  hasDueNow(): boolean {
    return this.due.next(this.settledNow()) !== undefined
  }

  /** Read from the counts the triggers of migration 0004 keep, not counted row by row. */
  counts(): QueueCounts {
    const counts = Object.fromEntries(outboxStates.map((s) => [s, 0])) as QueueCounts
    const rows = this.prepared(
      `SELECT state, n FROM outbox_counts WHERE state IN (${outboxStates.map(() => '?').join(', ')})`,
    ).all(...outboxStates) as { state: OutboxState; n: number }[]
    for (const { state, n } of rows) counts[state] = n
    return counts
  }

  /** "Retry now": one record, or every record waiting, is due at once. Returns how many. */
  retryNow(clientId?: string): number {
    const set = "UPDATE registrations SET next_attempt_at = ?, retry_delay_ms = 0 WHERE state = 'retry_wait'"
    const { changes } =
      clientId === undefined
        ? this.db.prepare(set).run(this.iso())
        : this.db.prepare(`${set} AND client_id = ?`).run(this.iso(), clientId)
    if (changes) this.onChange()
    return changes
  }

  /** Back online: what failed only because the network was gone need not sit out its backoff. */
  retryNetworkFailures(): number {
    const { changes } = this.db
      .prepare(
        `UPDATE registrations SET next_attempt_at = ?, retry_delay_ms = 0 WHERE state = 'retry_wait'
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
      const ids = returnMovedDocuments(this.db, this.key, clientId)
      this.db.prepare('DELETE FROM registrations WHERE client_id = ?').run(clientId)
      this.db.prepare('DELETE FROM email_verifications WHERE client_id = ?').run(clientId)
      return ids
    })()
    eraseFreed(this.db)
    this.onChange()
    return ids
  }

  /** Leaves only the receipt of records sent more than `retentionDays` ago: see retention.ts. */
  purgeExpired(retentionDays: number): number {
    return this.retention.purgeExpired(retentionDays)
  }

  /** `purgeExpired` at most once an hour: what each sync pass calls. */
  purgeIfDue(retentionDays: number): number {
    return this.retention.purgeIfDue(retentionDays)
  }

  /** Sent records still kept whose status may still change, least recently checked first. */
  toRefresh(checkedBefore: Date, limit: number): { clientId: string; serverId: string }[] {
    this.settledNow()
    return this.retention.toRefresh(checkedBefore, limit)
  }

  setServerStatus(clientId: string, status: string): void {
    this.retention.setServerStatus(clientId, status)
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

  /** Takes in a record exported by another desk: see adoption.ts. */
  adopt(record: ExportedRecord, documentIds: readonly string[]): boolean {
    const adopted = adoptRecord(
      { db: this.db, key: this.key, verifications: this.verifications, emailKey: this.emailKey },
      record,
      documentIds,
      this.iso(),
    )
    if (adopted) this.onChange()
    return adopted
  }

  /** The queue screen's list, a page at a time. */
  list(query: QueueQuery): QueuePage {
    this.settledNow()
    return listQueue(this.db, this.key, query)
  }

  /** "Correct and resend": see correction.ts. */
  reopenForCorrection(clientId: string): Correction {
    const correction = reopenForCorrection(this.db, this.key, { outbox: this, now: this.now }, clientId)
    this.onChange()
    return correction
  }

  /** A change of state the sync makes after capture, which a power cut may undo (see each caller). */
  private unflushedChange(sql: string, ...params: unknown[]): void {
    if (unflushed(this.db, () => this.prepared(sql).run(...params)).changes) this.onChange()
  }

  private prepared(sql: string): Statement {
    return statement(this.db, sql)
  }

  private iso(): string {
    return this.now().toISOString()
  }

  /** Now, for a reader of retry or status check times: those a clock set back would stretch are brought back first. */
  private settledNow(): string {
    const now = this.now()
    if (this.clockSetBack.settle(now)) this.onChange()
    return now.toISOString()
  }
}
