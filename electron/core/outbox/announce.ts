import type { QueueCounts } from '../../../src/domain/ipc/events'
import type { DeskEventBus } from '../events'

const COALESCE_MS = 50

/**
 * Tells the page the queue's counts after changes, at most once per 50 ms: a sync draining a full
 * day's queue changes states thousands of times, and the counts need only be right, not frequent.
 * `counts` answers null once the desk is closing.
 */
export function queueAnnouncer(events: DeskEventBus, counts: () => QueueCounts | null): () => void {
  let pending: NodeJS.Timeout | undefined
  return () => {
    pending ??= setTimeout(() => {
      pending = undefined
      const now = counts()
      if (now) events.emit('queueChanged', now)
    }, COALESCE_MS).unref()
  }
}
