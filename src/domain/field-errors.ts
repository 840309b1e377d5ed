import { ValidationError } from 'yup'
import type { FieldError } from './result'

/** A schema's complaints, one per field, with the message (a code the UI translates) as the code. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ValidationError)) throw error
  return (error.inner.length ? error.inner : [error]).map((e) => ({
    path: e.path ?? '',
    code: e.message,
    message: e.message,
  }))
}
