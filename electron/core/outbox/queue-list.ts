import type { Database } from 'better-sqlite3'
import { referenceOf } from '../../../src/domain/queue/reference'
import { GuichetFailure } from '../../../src/domain/result'
import type { OutboxState, QueueItem, QueuePage, RecordProblem } from '../../../src/domain/sync/queue'
import type { CapturedRegistration } from '../registrations/repository'
import { openJson } from '../registrations/sealed-json'

export interface QueueQuery {
  state: OutboxState | null
  after: string | null
  limit: number
}

interface Row {
  client_id: string
  state: OutboxState
  payload: Buffer
  captured_at: string | null
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  server_id: string | null
  server_status: string | null
  submitted_at: string | null
  purged_at: string | null
}

const COLUMNS = `client_id, state, payload, captured_at, attempts, next_attempt_at, last_error, server_id,
  server_status, submitted_at, purged_at`
/** The first page's marker: after every capture time (every non-draft record has one). */
const END: [string, string] = ['\uffff', '']

/**
 * Every page, the first included, is read from the index in its order from a marker: a query with
 * optional terms (`@state IS NULL OR ...`, `@at IS NULL OR ...`) would scan and sort the whole table.
 */
const pageSql = (byState: boolean): string =>
  `SELECT ${COLUMNS} FROM registrations
   INDEXED BY ${byState ? 'registrations_queue_by_state' : 'registrations_queue'}
   WHERE state != 'draft'${byState ? ' AND state = @state' : ''} AND (captured_at, client_id) < (@at, @id)
   ORDER BY captured_at DESC, client_id DESC LIMIT @limit`

/**
 * The queue screen's list, newest capture first, one page at a time. Pages are cut by position
 * (capture time, then clientId) rather than by offset, so a page stays cheap deep into a full day
 * and records arriving meanwhile do not shift the next page.
 */
export function listQueue(db: Database, key: Uint8Array, query: QueueQuery): QueuePage {
  const [at, id] = query.after === null ? END : parseCursor(query.after)
  const rows = db.prepare(pageSql(query.state !== null)).all({
    limit: query.limit + 1,
    at,
    id,
    ...(query.state !== null && { state: query.state }),
  }) as Row[]
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => toItem(row, key)),
    next: rows.length > query.limit && last ? `${last.captured_at}|${last.client_id}` : null,
  }
}

function toItem(row: Row, key: Uint8Array): QueueItem {
  const student = row.purged_at ? null : readableStudent(row, key)
  return {
    clientId: row.client_id,
    reference: referenceOf(row.client_id),
    state: row.state,
    name: student ? `${student.lastName} ${student.firstName}` : null,
    email: student?.email ?? null,
    capturedAt: row.captured_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error ? (JSON.parse(row.last_error) as RecordProblem) : null,
    serverId: row.server_id,
    serverStatus: row.server_status,
    submittedAt: row.submitted_at,
    purgedAt: row.purged_at,
  }
}

/** One unreadable record shows as a line without name (its last error says why); it does not hide the list. */
function readableStudent(row: Row, key: Uint8Array): CapturedRegistration['student'] | null {
  try {
    return openJson<CapturedRegistration>(key, row.payload, row.client_id).student
  } catch (error) {
    if (error instanceof GuichetFailure && error.code === 'decrypt_failed') return null
    throw error
  }
}

function parseCursor(cursor: string): [string, string] {
  const [at, id, ...rest] = cursor.split('|')
  if (!at || !id || rest.length) throw new GuichetFailure('invalid_request', 'This page marker is not valid.')
  return [at, id]
}
