import type { Database, Statement } from 'better-sqlite3'
import { statement } from '../db/statements'
import type { BodyRow } from './first-body'

const COLUMNS = 'client_id, payload, captured_at, attempts, request_body, documents_seal'
/** Due the moment they are in these states: never tried, or half-sent and resumed from the replay. */
const READY = ['queued', 'awaiting_documents'] as const
/** When a record becomes due: its retry time, else its capture. */
const DUE_KEY = 'coalesce(next_attempt_at, captured_at)'

/** The next queued records whose first body is not built yet, in claim order. */
const WITHOUT_BODY = `SELECT ${COLUMNS} FROM registrations INDEXED BY registrations_due
  WHERE state = 'queued' AND request_body IS NULL ORDER BY ${DUE_KEY}, captured_at LIMIT ?`
const NEXT_RETRY_AT = `SELECT next_attempt_at FROM registrations INDEXED BY registrations_due
  WHERE state = 'retry_wait' AND next_attempt_at IS NOT NULL ORDER BY ${DUE_KEY} LIMIT 1`

interface DueRow extends BodyRow {
  due_key: string | null
}

/**
 * Which record is due next, one indexed search per state (registrations_due: state, then the time it
 * became due) that reads one row each: a claim costs the same with 10 records or 100,000, where one
 * query over every due state sorted every due row on every claim. Oldest due first, as before: by the
 * time it became due, then its capture.
 */
export class DueRecords {
  /** By state and number of busy records: the SQL is built once, not hashed anew on every claim. */
  private readonly searches = new Map<string, Statement>()

  constructor(private readonly db: Database) {}

  /** The next due record that is not among `busy`. */
  next(now: string, busy: readonly string[] = []): BodyRow | undefined {
    const candidates = [
      ...READY.map((state) => this.dueIn(state, busy.length).get(...busy) as DueRow | undefined),
      this.dueIn('retry_wait', busy.length).get(now, now, ...busy) as DueRow | undefined,
    ].filter((row): row is DueRow => row !== undefined)
    return candidates.reduce<DueRow | undefined>(
      (first, row) => (first === undefined || order(row) < order(first) ? row : first),
      undefined,
    )
  }

  /**
   * The next queued records whose first body is not built yet, in the order they will be claimed. Walks
   * registrations_due from its start: the queued records it skips (body kept, resumed by `recover`)
   * are about to be claimed, so they are few.
   */
  withoutBody(limit: number): BodyRow[] {
    return statement(this.db, WITHOUT_BODY).all(limit) as BodyRow[]
  }

  /** When the next record waiting to retry is due; null when none waits. */
  nextAt(): string | null {
    return (statement(this.db, NEXT_RETRY_AT).pluck().get() ?? null) as string | null
  }

  private dueIn(state: (typeof READY)[number] | 'retry_wait', busy: number): Statement {
    const name = `${state}-${busy}`
    let search = this.searches.get(name)
    if (!search) {
      // A waiting record is due once its retry time has come (both terms say so: the first bounds
      // the index walk, the second is the rule).
      const due = state === 'retry_wait' ? `AND ${DUE_KEY} <= ? AND next_attempt_at <= ?` : ''
      search = this.db.prepare(
        `SELECT ${COLUMNS}, ${DUE_KEY} AS due_key FROM registrations INDEXED BY registrations_due
         WHERE state = '${state}' ${due} AND client_id NOT IN (${Array(busy).fill('?').join(', ')})
         ORDER BY ${DUE_KEY}, captured_at LIMIT 1`,
      )
      this.searches.set(name, search)
    }
    return search
  }
}

const order = (row: DueRow): string => `${row.due_key ?? ''}\u0000${row.captured_at ?? ''}`
