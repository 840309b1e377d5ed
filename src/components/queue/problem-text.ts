import type { OutboxState, RecordProblem } from '../../domain/sync/queue'

export interface Message {
  key: string
  params: Record<string, string>
}

/**
 * The sentence that tells the agent what to do about a record's problem: the desk's own for a code
 * it knows, else a generic one that says whether the desk will retry by itself or a person must act.
 */
export function problemMessage(
  problem: RecordProblem,
  state: OutboxState,
  has: (key: string) => boolean,
): Message {
  const own = `queue.problems.${problem.code}`
  if (has(own)) return { key: own, params: {} }
  const generic = state === 'needs_attention' ? 'refused' : 'retry'
  return { key: `queue.problems.${generic}`, params: { code: problem.code } }
}
