import { GuichetFailure } from '../../../src/domain/result'

/** `access()`, a missing file said as `document_missing` (what the agent can do: attach it again). */
export function presentSync<T>(access: () => T): T {
  try {
    return access()
  } catch (error) {
    throw missingOr(error)
  }
}

export async function present<T>(access: () => T | Promise<T>): Promise<T> {
  try {
    return await access()
  } catch (error) {
    throw missingOr(error)
  }
}

function missingOr(error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error
  return new GuichetFailure(
    'document_missing',
    "A scan is missing from the desk's document folder. Add the document to the registration again.",
  )
}
