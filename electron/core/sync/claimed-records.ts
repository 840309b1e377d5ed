import type { Claimed, Outbox, Submitted, SyncCommit } from '../outbox/outbox'

/**
 * The records the sync's workers hold between two commits of the outbox: claimed and not started yet,
 * or sent and not taken out yet. One commit serves several records: a worker that needs a record
 * when none is claimed takes out every record sent since the last commit and claims one for each
 * worker still running, in one transaction; the others take theirs from here without a commit.
 *
 * Every record held here is `sending` in SQLite and in the engine's `busy` set, from its claim to the
 * commit that takes it out or gives it back, so it is never claimed twice nor discarded meanwhile. A
 * crash loses nothing: the next start queues `sending` records again, and the backend's replay of a
 * sent one answers that it holds everything.
 */
export class ClaimedRecords {
  /** Claimed, oldest first, for the next worker free. */
  private readonly ready: Claimed[] = []
  /** Answered by the backend's submit, to leave the outbox in the next commit. */
  private readonly sent: Submitted[] = []
  private workers = 0
  /** Workers of this pass that stopped: no record is claimed for them. */
  private stopped = 0

  constructor(
    private readonly outbox: Outbox,
    /** The engine's records under way. */
    private readonly busy: Set<string>,
    /** Workers per pass. */
    private readonly size: number,
    /** Given the ids of the scans of records a commit took out. */
    private readonly sentScans: (ids: string[]) => void,
  ) {}

  /** A worker of the pass starts. */
  join(): void {
    this.workers++
  }

  /** The record a worker sends next: one claimed already, else the first of a new commit; null when none is due. */
  next(deskId: string): Claimed | null {
    if (!this.ready.length) {
      this.commit([...this.sent], { count: this.size - this.stopped, busy: [...this.busy], deskId })
    }
    return this.ready.shift() ?? null
  }

  /** A worker's try ended: sent, it leaves at the next commit; otherwise the outbox already holds its outcome. */
  tried(clientId: string, sent: Submitted | null): void {
    if (sent) this.sent.push(sent)
    else this.busy.delete(clientId)
  }

  /**
   * A worker stops (nothing due, pause, export, token refused, offline, or a bug). The last one out
   * commits what is held: the records sent leave, the records claimed and not started go back, so
   * the queue screen does not show them `sending`. Closing, it writes nothing: see `close`.
   */
  leave(closing: boolean): void {
    this.stopped++
    if (--this.workers > 0) return
    this.stopped = 0
    if (!closing) this.commit([...this.sent])
  }

  /**
   * The desk closes, while the database is still open: the records claimed and not started go back.
   * The records sent stay `sending`, resumed at the next start, where the backend's replay answers
   * that it holds everything (test/core/sync/unflushed-sync.test.ts).
   */
  close(): void {
    this.commit([])
  }

  /** One commit that carries, besides `submitted` and the caller's claim, the claimed records unstarted. */
  private commit(submitted: Submitted[], claim?: SyncCommit['claim']): void {
    const released = this.ready.map((r) => r.clientId)
    if (!claim && !submitted.length && !released.length) return
    const { claimed, sentScans } = this.outbox.commit({ submitted, released, claim })
    this.sent.splice(0, submitted.length)
    this.ready.splice(0, released.length, ...claimed)
    for (const clientId of [...released, ...submitted.map((s) => s.clientId)]) this.busy.delete(clientId)
    for (const record of claimed) this.busy.add(record.clientId)
    this.sentScans(sentScans)
  }
}
