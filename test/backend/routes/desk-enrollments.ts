import { timingSafeEqual } from 'node:crypto'
import { groupEnrollmentCode } from '../../../src/domain/enrollment/code'
import { newDeskToken } from '../enrollments'
import { ApiError, jsonReply } from '../reply'
import type { Route, RouteContext } from '../route'
import { failed } from '../validation'

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/** POST /v1/desks/enrollments: a one-time code for the desk's token, without a token. */
export const createDeskEnrollment: Route = {
  name: 'createDeskEnrollment',
  method: 'POST',
  path: /^\/v1\/desks\/enrollments$/,
  public: true,
  async handle(ctx) {
    const body = record(await ctx.readJson())
    const entry = ctx.enrollments.redeem(body['code'], ctx.req.socket.remoteAddress ?? '', ctx.now())
    const token = newDeskToken()
    ctx.auth.add(token)
    entry.issued = { token, desk: record(body['desk']) }
    return jsonReply(201, { deskId: entry.deskId, token, event: entry.event })
  },
}

/**
 * POST /v1/admin/enrollment-codes (reference backend only, with the admin token): what the
 * administrator's console does, for tests and demos. Body: {deskId, event?, code?, ttlSeconds?}.
 */
export const createEnrollmentCode: Route = {
  name: 'createEnrollmentCode',
  method: 'POST',
  path: /^\/v1\/admin\/enrollment-codes$/,
  public: true,
  async handle(ctx) {
    requireAdmin(ctx)
    const body = record(await ctx.readJson())
    const { deskId, event, code, ttlSeconds } = body
    if (typeof deskId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/i.test(deskId)) {
      throw failed([{ path: 'deskId', code: 'invalid_format', message: 'deskId is a desk id.' }])
    }
    try {
      const entry = ctx.enrollments.add(
        {
          deskId,
          ...(typeof event === 'string' && { event }),
          ...(typeof code === 'string' && { code }),
          ...(typeof ttlSeconds === 'number' && { ttlMs: ttlSeconds * 1000 }),
        },
        ctx.now(),
      )
      return jsonReply(201, {
        code: groupEnrollmentCode(entry.code),
        deskId: entry.deskId,
        event: entry.event,
        expiresAt: entry.expiresAt.toISOString(),
      })
    } catch (error) {
      throw failed([{ path: 'code', code: 'invalid_format', message: (error as Error).message }])
    }
  },
}

function requireAdmin(ctx: RouteContext): void {
  const given = Buffer.from(/^Bearer +(\S+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1] ?? '')
  const expected = Buffer.from(ctx.adminToken)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError(401, 'unauthorized', 'This needs the reference backend admin token.')
  }
}
