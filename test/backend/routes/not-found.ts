import { ApiError } from '../reply'
import type { RouteContext } from '../route'
import type { StoredRegistration } from '../store'

export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `No such ${what}.`)
}

/** The registration named by the `{id}` of the path, or 404. */
export function requireRegistration(ctx: RouteContext): StoredRegistration {
  const registration = ctx.store.registration(ctx.params['id'] ?? '')
  if (!registration) throw notFound('registration')
  return registration
}
