import type { ValidationCode } from './codes'

/** What every identifier rule answers: the normalised value, or the code of the first broken rule. */
export type Check<T = string, Extra extends object = object> =
  ({ ok: true; value: T } & Extra) | { ok: false; code: ValidationCode }

export const fail = (code: ValidationCode): { ok: false; code: ValidationCode } => ({ ok: false, code })
