import type { InjectionKey } from 'vue'

/**
 * Answers the form is still waiting for that fill a field (the city from a postal code's communes).
 * Enter waits for them before choosing the next field to fill: a postal code typed fast and Enter
 * would otherwise stop on a city that fills itself a moment later.
 */
export class PendingLookups {
  private readonly pending = new Set<Promise<unknown>>()

  /** Runs `work` and holds Enter until it has ended, whether it filled anything or failed. */
  track(work: Promise<unknown>): void {
    this.pending.add(work)
    const done = () => void this.pending.delete(work)
    work.then(done, done)
  }

  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending])
  }
}

export const pendingLookupsKey: InjectionKey<PendingLookups> = Symbol('pending lookups')
