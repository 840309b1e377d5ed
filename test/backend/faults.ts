import type { RouteName } from './route'

/** What the backend does instead of (or on top of) answering normally. */
export type FaultAction =
  /** Waits `ms`, `before` handling the request (default) or `after` it, holding the answer. */
  | { kind: 'delay'; ms: number; phase?: 'before' | 'after' }
  /** Answers `status` without handling the request; `code` defaults from the status. */
  | { kind: 'status'; status: number; retryAfter?: number | string; code?: string }
  /** Cuts the connection once `afterBodyBytes` bytes of the request body arrived (default 0). */
  | { kind: 'drop'; afterBodyBytes?: number }
  /** Handles the request (its effects persist) and then cuts the connection instead of answering. */
  | { kind: 'lose-response' }
  /** Never answers; the connection stays open until the client gives up or the backend closes. */
  | { kind: 'hang' }
  /** Answers 200 as a captive portal would: an HTML login page, or JSON without `"api":"1"`. */
  | { kind: 'captive-portal'; page: 'html' | 'json' }

export type FaultKind = FaultAction['kind']

export type FaultRule = FaultAction & {
  /** Only requests to these routes; every request (unknown paths too) when absent. */
  route?: RouteName | readonly RouteName[]
  /** Applies to the next `times` matching requests, then disappears; forever when absent. */
  times?: number
}

interface ActiveRule {
  rule: FaultRule
  remaining: number
}

/**
 * Misbehaviour switched on by tests. Rules are tried in the order they were added and the first
 * one matching a request is used (and counted down).
 */
export class Faults {
  private rules: ActiveRule[] = []
  private readonly takenEmails = new Set<string>()

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Infinity })
  }

  /** Removes every rule (taken e-mail addresses stay). */
  clear(): void {
    this.rules = []
  }

  /** Makes the address belong to someone else's existing account: registrations with it get 409. */
  emailTaken(email: string): void {
    this.takenEmails.add(email.toLowerCase())
  }

  isEmailTaken(email: string): boolean {
    return this.takenEmails.has(email.toLowerCase())
  }

  /** The fault for a request to `route` (`null` for an unknown path), consuming one use of its rule. */
  take(route: RouteName | null): FaultAction | undefined {
    const active = this.rules.find(({ rule, remaining }) => remaining > 0 && matches(rule, route))
    if (!active) return undefined
    active.remaining--
    if (active.remaining === 0) this.rules = this.rules.filter((r) => r !== active)
    return active.rule
  }
}

function matches(rule: FaultRule, route: RouteName | null): boolean {
  if (rule.route === undefined) return true
  if (route === null) return false
  return typeof rule.route === 'string' ? rule.route === route : rule.route.includes(route)
}
