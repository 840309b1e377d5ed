import { setTimeout as sleep } from 'node:timers/promises'

/**
 * The sync's time: what time it is, and waiting. Injected so that tests run the sync on a clock
 * they move themselves (a backoff, a Retry-After, a tick never depends on how busy the machine is).
 */
export interface Clock {
  now(): Date
  /** Resolves after `ms`, or at once (without throwing) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  /** Calls `run` after `ms` unless cancelled; it never keeps the process alive. */
  timer(ms: number, run: () => void): () => void
}

export function systemClock(now: () => Date = () => new Date()): Clock {
  return {
    now,
    sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => {}),
    timer: (ms, run) => {
      const handle = setTimeout(run, ms)
      handle.unref()
      return () => clearTimeout(handle)
    },
  }
}
