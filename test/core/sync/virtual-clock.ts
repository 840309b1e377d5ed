import type { Clock } from '../../../electron/core/sync/clock'

/**
 * Time that moves only when told, for the sync under test: a backoff or a Retry-After never
 * elapses because the machine is slow, and nothing waits on the wall clock. `sleep` (the CLI's
 * `drain` waiting for the next record due) jumps straight to the end of the wait; timers (the
 * running sync's next pass) fire when the test moves the clock with `advance`.
 */
export class VirtualClock implements Clock {
  private at: number
  private timers: { at: number; run: () => void }[] = []
  private armed: (() => void)[] = []

  constructor(start: Date = new Date()) {
    this.at = start.getTime()
  }

  now(): Date {
    return new Date(this.at)
  }

  async sleep(ms: number): Promise<void> {
    this.advance(ms)
    // Lets what the jump made due run before the sleeper goes on, as after a real wait.
    await new Promise((resolve) => setImmediate(resolve))
  }

  timer(ms: number, run: () => void): () => void {
    const entry = { at: this.at + ms, run }
    this.timers.push(entry)
    for (const resolve of this.armed.splice(0)) resolve()
    return () => void (this.timers = this.timers.filter((t) => t !== entry))
  }

  /** Moves time on by `ms` and runs the timers due by then, earliest first. */
  advance(ms: number): void {
    this.at += ms
    const due = this.timers.filter((t) => t.at <= this.at).sort((a, b) => a.at - b.at)
    this.timers = this.timers.filter((t) => t.at > this.at)
    for (const t of due) t.run()
  }

  /**
   * The system clock is set forward (`ms` > 0) or back: what `now` reads jumps, while the timers keep
   * the time left on them, as Node's timers run on elapsed time, not on the wall clock.
   */
  jump(ms: number): void {
    this.at += ms
    for (const t of this.timers) t.at += ms
  }

  /** Resolves when a timer is next set (the running sync finished a pass and planned the next). */
  nextTimer(): Promise<void> {
    return new Promise((resolve) => this.armed.push(resolve))
  }
}
