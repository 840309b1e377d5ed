/**
 * A deadline stored as an absolute time, brought back to no further from `now` than the wait it was
 * given (`lengthMs`). The system clock set back would otherwise stretch the wait by as much (a desk
 * set back three hours waited three hours more); set forward, it only ends the wait early. Callers
 * keep the result, so that the wait then runs down from it rather than starting again at every look.
 */
export function cappedDeadline(until: number, lengthMs: number, now: number): number {
  return Math.min(until, now + Math.max(0, lengthMs))
}
