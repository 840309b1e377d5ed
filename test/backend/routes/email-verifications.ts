import { ApiError, jsonReply } from '../reply'
import type { Route, RouteContext } from '../route'
import { failed } from '../validation'
import { notFound } from './not-found'

async function stringField(ctx: RouteContext, field: string): Promise<string> {
  const body = await ctx.readJson()
  const value =
    body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined
  if (typeof value !== 'string' || value.trim() === '') {
    throw failed([{ path: field, code: 'required', message: `${field} is required.` }])
  }
  return value.trim()
}

export const createEmailVerification: Route = {
  name: 'createEmailVerification',
  method: 'POST',
  path: /^\/v1\/email-verifications$/,
  async handle(ctx) {
    const email = (await stringField(ctx, 'email')).toLowerCase()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw failed([{ path: 'email', code: 'invalid_format', message: 'email is not an e-mail address.' }])
    }
    const expiresAt = new Date(ctx.now().getTime() + ctx.limits.verificationTtlMs)
    const { id } = ctx.store.addVerification(email, expiresAt)
    return jsonReply(201, { id, expiresAt: expiresAt.toISOString() })
  },
}

export const confirmEmailVerification: Route = {
  name: 'confirmEmailVerification',
  method: 'POST',
  path: /^\/v1\/email-verifications\/(?<id>[^/]+)\/confirm$/,
  async handle(ctx) {
    const verification = ctx.store.verification(ctx.params['id'] ?? '')
    if (!verification) throw notFound('e-mail verification')
    const code = (await stringField(ctx, 'code')).toUpperCase()
    if (verification.wrongTries >= ctx.limits.verificationTries) {
      throw new ApiError(429, 'too_many_attempts', 'Too many wrong codes; ask for a new one.')
    }
    if (verification.verifiedAt === null && ctx.now() >= verification.expiresAt) {
      throw new ApiError(410, 'expired', 'The code has expired; ask for a new one.')
    }
    if (code !== verification.code) {
      verification.wrongTries++
      throw new ApiError(422, 'wrong_code', 'The code is not the one sent.')
    }
    verification.verifiedAt ??= ctx.now()
    return jsonReply(200, { id: verification.id, verifiedAt: verification.verifiedAt.toISOString() })
  },
}
