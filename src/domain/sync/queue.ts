import type { MissingSetting } from '../enrollment/status'
import type { FieldError } from '../result'
import type { OutboxState } from '../queue/states'

export type { OutboxState }

/** Why a record waits or needs a person; `message` is English for support, the UI translates `code`. */
export interface RecordProblem {
  code: string
  message: string
  /** The backend's complaints per field (422 validation_failed, 409 email_taken), in form paths. */
  fields?: FieldError[]
}

/** One line of the queue screen. Name and e-mail are null once the personal data was purged. */
export interface QueueItem {
  clientId: string
  reference: string
  state: OutboxState
  name: string | null
  email: string | null
  /** The student's phone, given only for a record to correct, so the agent can call them back. */
  phone: string | null
  capturedAt: string | null
  attempts: number
  nextAttemptAt: string | null
  lastError: RecordProblem | null
  serverId: string | null
  /** The backend's status of a sent record (submitted, verified, rejected), refreshed while kept. */
  serverStatus: string | null
  submittedAt: string | null
  purgedAt: string | null
}

export interface QueuePage {
  items: QueueItem[]
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null
}

/** A page as the queue screen gets it: the core says when it left the students' details out (9.14). */
export interface QueueScreenPage extends QueuePage {
  namesHidden: boolean
}

/** What "Test connection" found, step by step: the first thing that failed, or ok. */
export type ConnectionResult =
  | 'ok'
  | 'not_configured'
  | 'offline'
  | 'captive_portal'
  | 'server_error'
  | 'unauthorized'
  | 'forbidden'
  | 'unexpected'

export type ConnectionCheck =
  /** What the desk lacks, each named (the same list as its enrollment status). */
  | { result: 'not_configured'; missing: MissingSetting[] }
  /** `status`: the HTTP status behind `unexpected` or `server_error`, for support. */
  | { result: Exclude<ConnectionResult, 'not_configured'>; status?: number }

/** The form back from a record the backend refused, with the backend's complaints on its fields. */
export interface Correction {
  clientId: string
  problem: RecordProblem | null
}

export interface TransferSummary {
  /** Records written to the file, or added to this desk's queue. */
  records: number
  documents: number
  /** Import only: records already on this desk (same clientId), left as they were. */
  skipped: number
  /** Import only: references of records whose e-mail another record of this desk already uses. */
  conflicts: string[]
}
