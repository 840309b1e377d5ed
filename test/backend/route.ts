import type { IncomingMessage } from 'node:http'
import type { TokenRegistry } from './auth'
import type { Enrollments } from './enrollments'
import type { Faults } from './faults'
import type { KeyLocks } from './idempotency'
import type { Reply } from './reply'
import type { Store } from './store'

export type RouteName =
  | 'health'
  | 'createRegistration'
  | 'getRegistration'
  | 'uploadDocument'
  | 'submitRegistration'
  | 'createEmailVerification'
  | 'confirmEmailVerification'
  | 'createDeskEnrollment'
  | 'createEnrollmentCode'

export interface Limits {
  /** Largest document accepted by `PUT .../documents/{sha256}`. */
  documentBytes: number
  /** Largest JSON body accepted anywhere else. */
  jsonBytes: number
  /** How long an e-mail verification code stays valid. */
  verificationTtlMs: number
  /** Wrong codes allowed before a verification answers 429. */
  verificationTries: number
}

/** What a route handler may use; one per request. */
export interface RouteContext {
  req: IncomingMessage
  params: Record<string, string>
  store: Store
  /** Desk tokens: an enrollment adds one. */
  auth: TokenRegistry
  enrollments: Enrollments
  /** What the reference backend's admin routes take instead of a desk token. */
  adminToken: string
  faults: Faults
  locks: KeyLocks
  limits: Limits
  now(): Date
  readBody(limit: number): Promise<Buffer>
  readJson(): Promise<unknown>
  /** Runs once the exchange is over, answered or not. */
  onClose(cleanup: () => void): void
}

export interface Route {
  name: RouteName
  method: 'GET' | 'POST' | 'PUT'
  path: RegExp
  /** Reachable without a desk token (the health probe, enrollments; admin routes check their own). */
  public?: boolean
  handle(ctx: RouteContext): Promise<Reply>
}
