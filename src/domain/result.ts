/**
 * What every IPC call answers. Errors travel as data, not as thrown exceptions, because Electron's
 * IPC flattens thrown errors into a message string and the UI needs the code and the fields.
 */
export interface FieldError {
  path: string
  code: string
  message: string
  /** Values the translated sentence quotes, e.g. the reference of the record that holds an e-mail. */
  params?: Record<string, string>
}

export interface GuichetError {
  /** Machine code the UI maps to a translated sentence. */
  code: string
  /** English fallback for logs and support; never holds personal data. */
  message: string
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: GuichetError }

/** Thrown inside the core for a failure a person can act on; becomes a `Result` error at the IPC edge. */
export class GuichetFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message)
    this.name = 'GuichetFailure'
  }
}
