import type { Result } from './domain/result'
import { GuichetFailure } from './domain/result'

/** The desk API as the preload exposed it; components go through stores, not through this directly. */
export const api = () => window.guichet

/** Turns a Result into its value, or throws a GuichetFailure the stores show with its code. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (result.ok) return result.value
  throw new GuichetFailure(result.error.code, result.error.message, result.error.fields)
}
