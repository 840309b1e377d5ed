/**
 * The parts of the backend's answers that the desk keeps or acts on, held to the contract. A backend
 * that misbehaves, or a proxy that breaks TLS, must not make the desk keep free text for as long as a
 * record is (a sent record's receipt outlives the purge of its personal data), nor send one scan
 * again and again.
 */

/** Opaque, but no longer than an id needs, and safe in a URL path. */
const SERVER_ID = /^[A-Za-z0-9._~-]{1,128}$/
const SHA256 = /^[0-9a-f]{64}$/i
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i

/** A registration's statuses as the contract names them (GET /v1/registrations/{id}, submit). */
const SERVER_STATUSES: ReadonlySet<unknown> = new Set([
  'awaiting_documents',
  'submitted',
  'verified',
  'rejected',
])

/**
 * What a submit answers for a registration it holds as submitted: `submitted`, or, to a re-submit
 * (idempotent), what it became since. `awaiting_documents` is not one: nothing was submitted.
 */
const SUBMITTED_STATUSES: ReadonlySet<unknown> = new Set(['submitted', 'verified', 'rejected'])

/** The submit's status when it is one of a submitted registration, else null. */
export const submittedStatusOf = (value: unknown): string | null =>
  SUBMITTED_STATUSES.has(value) ? (value as string) : null

/** An id the backend gave (a registration's, an e-mail verification's), or null when it is not one. */
export const serverIdOf = (value: unknown): string | null =>
  typeof value === 'string' && SERVER_ID.test(value) ? value : null

/** The status as the contract names it; any other word is kept as `other`, never as it was said. */
export const serverStatusOf = (value: unknown): string =>
  SERVER_STATUSES.has(value) ? (value as string) : 'other'

/**
 * The scans the backend lacks, each once and in lower case; null when the list is not one of
 * sha256s. The engine then sends only those of the record: at most each of its scans once per try.
 */
export function missingDocumentsOf(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null
  const missing = new Set<string>()
  for (const sha256 of value) {
    if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return null
    missing.add(sha256.toLowerCase())
  }
  return [...missing]
}

/** An RFC 3339 date-time that is a real instant, or null. */
export const dateTimeOf = (value: unknown): string | null =>
  typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? value : null
