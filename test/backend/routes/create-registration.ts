import { parseIdempotencyKey, requestHash } from '../idempotency'
import { ApiError, jsonReply } from '../reply'
import type { Route } from '../route'
import { missingDocuments, type StoredRegistration } from '../store'
import { failed, validateRegistration } from '../validation'

function answer(registration: StoredRegistration) {
  return {
    id: registration.id,
    status: registration.status,
    missingDocuments: missingDocuments(registration),
  }
}

export const createRegistration: Route = {
  name: 'createRegistration',
  method: 'POST',
  path: /^\/v1\/registrations$/,
  async handle(ctx) {
    const key = parseIdempotencyKey(ctx.req.headers['idempotency-key'])
    if (key === null) {
      throw new ApiError(
        400,
        'missing_idempotency_key',
        'Idempotency-Key must be the clientId as a Structured Field string, in double quotes.',
      )
    }
    // Held until the exchange is over, answer written or connection lost.
    if (!ctx.locks.claim(key)) {
      throw new ApiError(
        409,
        'request_in_progress',
        'A request with this Idempotency-Key is being processed.',
        {},
        { 'retry-after': '1' },
      )
    }
    ctx.onClose(() => ctx.locks.release(key))

    const body = await ctx.readJson()
    const hash = requestHash(body)
    const existing = ctx.store.registrationByClientId(key)
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new ApiError(
          422,
          'idempotency_key_reuse',
          'This Idempotency-Key was used with a different body.',
        )
      }
      return jsonReply(200, answer(existing))
    }

    const request = validateRegistration(body, ctx.limits.documentBytes)
    if (request.clientId !== key) {
      throw failed([
        { path: 'clientId', code: 'key_mismatch', message: 'clientId must equal the Idempotency-Key.' },
      ])
    }
    if (ctx.faults.isEmailTaken(request.email) || ctx.store.registrationByEmail(request.email)) {
      throw new ApiError(409, 'email_taken', 'This e-mail address already belongs to another account.')
    }
    const created = ctx.store.addRegistration({ ...request, requestHash: hash, body }, ctx.now())
    return jsonReply(201, answer(created))
  },
}
