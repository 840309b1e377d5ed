import type { FaultKind } from './faults'
import type { RouteName } from './route'

/** One request as the backend saw it, for tests to assert on. */
export interface LogEntry {
  method: string
  path: string
  /** `null` for a path that is no route. */
  route: RouteName | null
  /** The status answered; `null` while pending and when no answer was ever sent (drop, hang, lost). */
  status: number | null
  /** The fault applied to this request, if any. */
  fault: FaultKind | null
  /** Request body bytes the backend actually read. */
  bodyBytes: number
}
