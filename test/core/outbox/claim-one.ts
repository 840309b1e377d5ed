import type { Claimed, Outbox } from '../../../electron/core/outbox/outbox'

/** One claim on its own, as a sync commit that claims one record makes it: the record, or null. */
export function claimOne(outbox: Outbox, busy: readonly string[], deskId: string): Claimed | null {
  return outbox.commit({ claim: { count: 1, busy, deskId } }).claimed[0] ?? null
}
