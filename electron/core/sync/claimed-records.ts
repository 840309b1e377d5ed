import type { Claimed, Outbox, Submitted, SyncCommit } from '../outbox/outbox'
import type { Clock } from './clock'

/**
 * Within this time of the last commit, records are going fast enough for one commit to serve several;
 * past it, each commit serves the records at hand, so a slow line never shows a record `sending` that
 * is only waiting. A record sent waits for the next commit this long at most.
 */
const BATCH_WINDOW_MS = 1_000

/**
 * The records the sync's workers hold between two commits of the outbox: claimed and not started yet,
 * or sent and not taken out yet. While records go fast (see BATCH_WINDOW_MS), one commit serves
 * several: a worker that needs a record when none is claimed takes out every record sent since the
 * last commit and claims one for each worker still running, in one transaction; the others take
 * theirs from here without a commit. Slower, a commit claims only the record wanted, and a record
 * sent leaves the outbox at once.
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
  private lastCommitAt = -Infinity
  /** Cancels the commit due for records sent and waiting, when one is set. */
  private cancelTakeOut: (() => void) | null = null

  constructor(
    private readonly outbox: Outbox,
    /** The engine's records under way. */
    private readonly busy: Set<string>,
    /** Workers per pass. */
    private readonly size: number,
    /** Given the ids of the scans of records a commit took out. */
    private readonly sentScans: (ids: string[]) => void,
    private readonly clock: Clock,
    /** Where a commit that failed on its own timer is reported (the desk log): a bug. */
    private readonly onUnexpected: (error: unknown) => void,
  ) {}

  /** A worker of the pass starts. */
  join(): void {
    // Every worker of a pass that starts wants a record: the first commit claims one for each.
    if (this.workers++ === 0) this.lastCommitAt = this.now()
  }

  /** The record a worker sends next: one claimed already, else the first of a new commit; null when none is due. */
  next(deskId: string): Claimed | null {
    if (!this.ready.length) {
      const count = this.goingFast() ? this.size - this.stopped : 1
      this.commit([...this.sent], { count, busy: [...this.busy], deskId })
    }
    return this.ready.shift() ?? null
  }

  /** A worker's try ended: sent, it leaves at the next commit; otherwise the outbox already holds its outcome. */
  tried(clientId: string, sent: Submitted | null): void {
    if (!sent) return void this.busy.delete(clientId)
    this.sent.push(sent)
    if (!this.goingFast()) return this.takeOutSent()
    this.cancelTakeOut ??= this.clock.timer(BATCH_WINDOW_MS, () => {
      this.cancelTakeOut = null
      try {
        this.takeOutSent()
      } catch (error) {
        // Still held, the records leave with the next commit, or come back `sending` at the next start.
        this.onUnexpected(error)
      }
    })
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
    if (closing) this.stopTakeOut()
    else this.commit([...this.sent])
  }

  /**
   * The desk closes, while the database is still open: the records claimed and not started go back.
   * The records sent stay `sending`, resumed at the next start, where the backend's replay answers
   * that it holds everything (test/core/sync/unflushed-sync.test.ts).
   */
  close(): void {
    this.stopTakeOut()
    this.commit([])
  }

  private stopTakeOut(): void {
    this.cancelTakeOut?.()
    this.cancelTakeOut = null
  }

  private takeOutSent(): void {
    this.commit([...this.sent], undefined, { release: false })
  }

  private now(): number {
    return this.clock.now().getTime()
  }

  private goingFast(): boolean {
    return this.now() - this.lastCommitAt < BATCH_WINDOW_MS
  }

  /**
   * One commit that carries, besides `submitted` and the caller's claim, the claimed records unstarted
   * (unless they are to stay claimed).
   */
  private commit(submitted: Submitted[], claim?: SyncCommit['claim'], { release = true } = {}): void {
    const released = release ? this.ready.map((r) => r.clientId) : []
    if (!claim && !submitted.length && !released.length) return
    const { claimed, sentScans } = this.outbox.commit({ submitted, released, claim })
    this.lastCommitAt = this.now()
    this.sent.splice(0, submitted.length)
    if (!this.sent.length) this.stopTakeOut()
    this.ready.splice(0, released.length, ...claimed)
    for (const clientId of [...released, ...submitted.map((s) => s.clientId)]) this.busy.delete(clientId)
    for (const record of claimed) this.busy.add(record.clientId)
    this.sentScans(sentScans)
  }
}
