import { createHash } from 'node:crypto'
import { tooLarge } from '../body'
import { contentDigestSha256 } from '../content-digest'
import { ApiError, jsonReply } from '../reply'
import type { Route } from '../route'
import { notFound, requireRegistration } from './not-found'

function digestMismatch(message: string): ApiError {
  return new ApiError(400, 'digest_mismatch', message)
}

/** Everything about the upload is checked from its headers before a single body byte is read. */
export const uploadDocument: Route = {
  name: 'uploadDocument',
  method: 'PUT',
  path: /^\/v1\/registrations\/(?<id>[^/]+)\/documents\/(?<sha256>[^/]+)$/,
  async handle(ctx) {
    const registration = requireRegistration(ctx)
    const sha256 = ctx.params['sha256'] ?? ''
    const declared = registration.documents.find((d) => d.sha256 === sha256)
    if (!declared) throw notFound('document declared by this registration')

    const mediaType = ctx.req.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
    if (mediaType !== declared.mediaType) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Content-Type must be ${declared.mediaType}, as declared.`,
      )
    }
    const lengthHeader = ctx.req.headers['content-length']
    if (lengthHeader === undefined) {
      throw new ApiError(411, 'length_required', 'Content-Length is required.')
    }
    const length = Number(lengthHeader)
    if (length > ctx.limits.documentBytes) throw tooLarge(ctx.limits.documentBytes)
    if (length !== declared.size) {
      throw digestMismatch(`Content-Length ${length} differs from the declared size ${declared.size}.`)
    }
    const digest = contentDigestSha256(ctx.req.headers['content-digest'])
    if (digest === null) throw digestMismatch('Content-Digest with a sha-256 member is required (RFC 9530).')
    if (digest.toString('hex') !== sha256) throw digestMismatch('Content-Digest does not match the URL.')

    const bytes = await ctx.readBody(ctx.limits.documentBytes)
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw digestMismatch('The bytes received do not match the sha256 of the URL.')
    }
    const created = ctx.store.storeDocument(registration, sha256, bytes)
    return jsonReply(created ? 201 : 200, { sha256, stored: true })
  },
}
