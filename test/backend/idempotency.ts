import { createHash } from 'node:crypto'
import { parseItem } from './structured-fields'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The key is an RFC 8941 String holding the record's clientId (`"0193…"`). Returns the UUID in
 * lower case, or `null` when the header is absent, is not a String (a bare token is not) or does
 * not hold a UUID.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  const item = typeof header === 'string' ? parseItem(header) : null
  if (item?.value.type !== 'string' || !UUID.test(item.value.value)) return null
  return item.value.value.toLowerCase()
}

/**
 * Hash of the body with object keys sorted, so a retry that serialises the same record in another
 * key order is still "the same body".
 */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex')
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Keys whose request is being processed right now; a second request with one of them gets 409. */
export class KeyLocks {
  private readonly held = new Set<string>()

  claim(key: string): boolean {
    if (this.held.has(key)) return false
    this.held.add(key)
    return true
  }

  release(key: string): void {
    this.held.delete(key)
  }
}
