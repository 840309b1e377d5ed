import type { FieldError } from '../../../src/domain/result'
import type { RecordProblem } from '../../../src/domain/sync/queue'
import { missingDocumentsOf } from './answer-fields'
import type { NetworkFailure } from './transport'

/**
 * How one request to the backend failed, sorted by what the desk does about it (contract, Errors):
 * `retry` later (network, timeout, 408/425/429/5xx, a key in progress), `attention` of a person
 * (any other 4xx), or stop everything because the desk token was refused (`unauthorized`).
 */
export type FailureKind = 'retry' | 'attention' | 'unauthorized'

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly problem: RecordProblem,
    readonly retryAfterMs: number | null = null,
    /** What else the answer said that the sync acts on (submit's missingDocuments). */
    readonly missingDocuments: string[] = [],
  ) {
    super(problem.message)
    this.name = 'SyncFailure'
  }
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504])

/**
 * What the backend's answer may put on the desk, kept small: field complaints are few and short
 * (stored sealed). A backend that answers megabytes, or prose where a code belongs, fills neither
 * the database nor the screen.
 */
const LIMITS = { fields: 50, path: 200, message: 500 }
const CODE = /^[a-z][a-z0-9_.-]{0,63}$/i
const boundedCode = (raw: unknown, fallback: string) =>
  typeof raw === 'string' && CODE.test(raw) ? raw : fallback

/**
 * The record's code is stored in clear (`last_error`: the retry query reads it), so only the codes
 * the contract names are kept; any other becomes `http_<status>`. A token-shaped code is not enough:
 * a backend echoing the request (a bug, a proxy) could answer `"code":"nguyen"`. The UI has words
 * for these codes only, so nothing shown is lost.
 */
export const CONTRACT_CODES: ReadonlySet<string> = new Set([
  'email_taken',
  'validation_failed',
  'idempotency_key_reuse',
  'request_in_progress',
  'documents_missing',
  'missing_idempotency_key',
  'unauthorized',
  'forbidden',
  'too_large',
  'unsupported_media_type',
  'digest_mismatch',
  'not_found',
  'wrong_code',
  'expired',
  'too_many_attempts',
])
const contractCode = (raw: unknown, status: number) =>
  typeof raw === 'string' && CONTRACT_CODES.has(raw) ? raw : `http_${status}`

/**
 * The desk's own words for each code, in English for support (the UI translates the code). The
 * backend's messages are kept only sealed, in `fields`: they may quote what was typed.
 */
const MESSAGES: Record<string, string> = {
  email_taken:
    'This e-mail address already belongs to another MesServices account; correct it and send again.',
  validation_failed: 'The backend refused some fields; correct them and send again.',
  idempotency_key_reuse:
    'The backend already holds this registration with other content; contact support before sending it again.',
  request_in_progress: 'The backend is still handling a previous try; the desk will try again.',
  documents_missing: 'The backend is still missing documents; the desk will send them again.',
  network: 'The backend could not be reached.',
  internal:
    'A fault in the desk, not the network, stopped the sending; it is in the desk log for support. The desk will try again.',
  timeout: 'The backend did not answer in time.',
  unexpected_answer:
    'The answer did not come from the backend (a Wi-Fi login page?); the desk will try again.',
  unauthorized: 'The backend refused the desk token: the desk must be provisioned again.',
  forbidden: 'The backend refused the desk token: the desk must be provisioned again.',
  too_large: 'A document is over the 10 MiB the backend takes.',
  unsupported_media_type: 'The backend does not take the type of a document.',
  digest_mismatch: 'A document was damaged on the way or on the desk.',
  not_found: 'The backend does not know this registration or one of its documents.',
  wrong_code: 'This is not the code that was sent; check the letters with the student.',
  expired: 'The code has expired; send a new one.',
  too_many_attempts: 'Too many wrong codes; send a new one.',
  // The desk's own, about its scans: how an imported record that had them keeps them.
  document_missing:
    'A scan of this registration is missing on the desk; correct it and add the document again.',
  document_damaged:
    "A scan's file on this desk is damaged or incomplete; correct the registration and add the document again from the original.",
  decrypt_failed: 'This registration or one of its scans can no longer be read on this desk.',
  document_altered:
    'A scan of this registration is not the one sealed with it (the desk database was changed outside Guichet); it is not sent.',
}

export function problem(code: string, status?: number, fields?: FieldError[]): RecordProblem {
  const message =
    MESSAGES[code] ??
    (status !== undefined && RETRYABLE.has(status)
      ? `The backend is unavailable or busy (HTTP ${status}); the desk will try again.`
      : `The backend refused this registration (${code}).`)
  return { code, message, ...(fields?.length && { fields }) }
}

/**
 * An imported record's problem as this desk keeps it in clear: its code when it is one this desk
 * stores (the contract's, the desk's own, `http_<status>`) with the desk's own sentence, else
 * nothing. A file made elsewhere could put any words there, a student's name among them.
 */
export function problemInClear(code: string): RecordProblem | null {
  const status = /^http_([1-5]\d{2})$/.exec(code)?.[1]
  if (status) return problem(code, Number(status))
  return CONTRACT_CODES.has(code) || code in MESSAGES ? problem(code) : null
}

/** What an error answer means for the record. `body` is the parsed JSON, or null. */
export function failureOf(status: number, body: unknown, retryAfterMs: number | null): SyncFailure {
  const json = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const code = contractCode(json['code'], status)
  if (status === 401 || status === 403) {
    return new SyncFailure('unauthorized', problem(status === 401 ? 'unauthorized' : 'forbidden', status))
  }
  if (RETRYABLE.has(status) || (status === 409 && code === 'request_in_progress')) {
    return new SyncFailure('retry', problem(code, status), retryAfterMs)
  }
  if (status === 409 && code === 'documents_missing') {
    const missing = missingDocumentsOf(json['missingDocuments']) ?? []
    return new SyncFailure('retry', problem(code, status), null, missing)
  }
  if (status >= 300 && status < 400) return new SyncFailure('retry', problem('unexpected_answer', status))
  return new SyncFailure('attention', problem(code, status, fieldsOf(code, json['errors'])))
}

/** The backend's paths (`student.contact.mobile`) as the form's (`contact.mobile`). */
function fieldsOf(code: string, errors: unknown): FieldError[] {
  if (code === 'email_taken') return [{ path: 'email', code, message: code }]
  if (!Array.isArray(errors)) return []
  return errors.slice(0, LIMITS.fields).flatMap((e: unknown) => {
    if (e === null || typeof e !== 'object') return []
    const { path, code, message } = e as Record<string, unknown>
    if (typeof path !== 'string' || path.length > LIMITS.path) return []
    return [
      {
        path: path.replace(/^student\./, ''),
        code: boundedCode(code, 'invalid'),
        message: typeof message === 'string' ? message.slice(0, LIMITS.message) : '',
      },
    ]
  })
}

/** A request that got no answer: the network, or our own timeout. */
export function noAnswer(error: NetworkFailure): SyncFailure {
  return new SyncFailure('retry', problem(error.kind))
}
