import type { FieldError } from '../../src/domain/result'
import { UUID } from './idempotency'
import { ApiError } from './reply'

/**
 * A deliberately minimal check of the request shape: enough for the backend to work on (clientId,
 * email, documents) and to answer `validation_failed` the way the contract says. The full student
 * rules belong to the domain schema.
 */

export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export const DOCUMENT_KINDS = ['identity', 'enrollment'] as const

export interface DeclaredDocument {
  kind: (typeof DOCUMENT_KINDS)[number]
  sha256: string
  size: number
  mediaType: (typeof MEDIA_TYPES)[number]
  fileName?: string
}

export interface RegistrationRequest {
  clientId: string
  email: string
  documents: DeclaredDocument[]
}

const INSTANT = {
  pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  message: 'must be an RFC 3339 instant.',
}
const SHA256 = /^[0-9a-f]{64}$/
const EMAIL = /^[^\s@A-Z]+@[^\s@A-Z]+\.[^\s@A-Z]+$/

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The last segment of a path is the key in its parent: `documents[0].sha256` → `sha256`. */
function keyOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1)
}

class Checker {
  readonly errors: FieldError[] = []

  fail(path: string, code: string, message: string): void {
    this.errors.push({ path, code, message })
  }

  object(parent: Json, path: string, optional = false): Json | undefined {
    const value = parent[keyOf(path)]
    if (value === undefined && optional) return undefined
    if (isObject(value)) return value
    this.fail(path, value === undefined ? 'required' : 'invalid_type', `${path} must be an object.`)
    return undefined
  }

  string(parent: Json, path: string, format?: { pattern: RegExp; message: string }): string {
    const value = parent[keyOf(path)]
    if (typeof value !== 'string' || value === '') {
      this.fail(
        path,
        value === undefined ? 'required' : 'invalid_type',
        `${path} must be a non-empty string.`,
      )
      return ''
    }
    if (format && !format.pattern.test(value)) this.fail(path, 'invalid_format', `${path} ${format.message}`)
    return value
  }

  oneOf<T extends string>(parent: Json, path: string, allowed: readonly T[]): T {
    const value = parent[keyOf(path)]
    if (allowed.includes(value as T)) return value as T
    this.fail(
      path,
      value === undefined ? 'required' : 'invalid_value',
      `${path} must be one of ${allowed.join(', ')}.`,
    )
    return allowed[0] as T
  }
}

export function validateRegistration(body: unknown, maxDocumentBytes: number): RegistrationRequest {
  const check = new Checker()
  if (!isObject(body))
    throw failed([{ path: '', code: 'invalid_type', message: 'The body must be a JSON object.' }])

  const clientId = check.string(body, 'clientId', { pattern: UUID, message: 'must be a UUID.' })
  check.string(body, 'capturedAt', INSTANT)
  const desk = check.object(body, 'desk')
  if (desk) check.string(desk, 'desk.id')
  const student = check.object(body, 'student')
  const email = student
    ? check.string(student, 'student.email', {
        pattern: EMAIL,
        message: 'must be a lower-case e-mail address.',
      })
    : ''
  const verification = check.object(body, 'emailVerification', true)
  if (verification) {
    check.string(verification, 'emailVerification.id')
    check.string(verification, 'emailVerification.verifiedAt', INSTANT)
  }
  const documents = checkDocuments(check, body['documents'], maxDocumentBytes)

  if (check.errors.length > 0) throw failed(check.errors)
  return { clientId: clientId.toLowerCase(), email, documents }
}

function checkDocuments(check: Checker, value: unknown, maxDocumentBytes: number): DeclaredDocument[] {
  if (!Array.isArray(value)) {
    check.fail('documents', value === undefined ? 'required' : 'invalid_type', 'documents must be an array.')
    return []
  }
  const seen = new Set<string>()
  return value.flatMap((entry: unknown, index): DeclaredDocument[] => {
    const path = `documents[${index}]`
    if (!isObject(entry)) {
      check.fail(path, 'invalid_type', `${path} must be an object.`)
      return []
    }
    const sha256 = check.string(entry, `${path}.sha256`, {
      pattern: SHA256,
      message: 'must be 64 lower-case hexadecimal digits.',
    })
    if (sha256 && seen.has(sha256))
      check.fail(`${path}.sha256`, 'duplicate', `${path}.sha256 is declared twice.`)
    seen.add(sha256)
    const size = entry['size']
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > maxDocumentBytes) {
      check.fail(
        `${path}.size`,
        'out_of_range',
        `${path}.size must be an integer from 1 to ${maxDocumentBytes}.`,
      )
    }
    const fileName = entry['fileName']
    if (fileName !== undefined && fileName !== null && typeof fileName !== 'string') {
      check.fail(`${path}.fileName`, 'invalid_type', `${path}.fileName must be a string.`)
    }
    return [
      {
        kind: check.oneOf(entry, `${path}.kind`, DOCUMENT_KINDS),
        sha256,
        size: Number(size),
        mediaType: check.oneOf(entry, `${path}.mediaType`, MEDIA_TYPES),
        ...(typeof fileName === 'string' && { fileName }),
      },
    ]
  })
}

export function failed(errors: FieldError[]): ApiError {
  return new ApiError(422, 'validation_failed', 'The request is not valid.', { errors })
}
