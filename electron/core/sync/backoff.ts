export interface BackoffPolicy {
  /** The first retry waits up to this. */
  baseMs: number
  /** No wait grows beyond this, however many tries failed. */
  capMs: number
}

/**
 * Exponential backoff with full jitter (a random wait between 0 and the exponential bound): desks
 * that lost the network together do not all come back at the same instant. A `Retry-After` from
 * the backend is a floor: the desk waits at least that long.
 */
export function retryDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30))
  return Math.max(retryAfterMs ?? 0, Math.floor(random() * bound))
}

const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000

/** `Retry-After` in delay-seconds or as an HTTP date (RFC 9110), in ms from `now`; null if absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | null {
  if (header === null) return null
  const text = header.trim()
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now.getTime()
  return Number.isNaN(ms) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms))
}
