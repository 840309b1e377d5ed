import type { OutboxState, RecordProblem } from '../../domain/sync/queue'

/** A scan the desk can no longer send: "correct and add it again" holds only before the backend holds the record. */
const SCAN_LOST: ReadonlySet<string> = new Set(['document_missing', 'document_damaged', 'decrypt_failed'])

/**
 * The i18n key of the sentence that tells the agent what to do about a record's problem: the desk's own for a code
 * it knows, else a generic one that says whether the desk will retry by itself or a person must act.
 */
export function problemMessage(
  problem: RecordProblem,
  state: OutboxState,
  has: (key: string) => boolean,
  /** The backend holds the record (it has a server id): its declared scans can no longer change. */
  held = false,
): string {
  if (held && SCAN_LOST.has(problem.code)) return 'queue.scanLostHeld'
  const own = `queue.problems.${problem.code}`
  if (has(own)) return own
  // Never the code itself: the agent can do nothing with "http_503".
  return `queue.problems.${state === 'needs_attention' ? 'refused' : 'retry'}`
}
