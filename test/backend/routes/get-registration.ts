import { jsonReply } from '../reply'
import type { Route } from '../route'
import { requireRegistration } from './not-found'

export const getRegistration: Route = {
  name: 'getRegistration',
  method: 'GET',
  path: /^\/v1\/registrations\/(?<id>[^/]+)$/,
  async handle(ctx) {
    const { id, status, reason } = requireRegistration(ctx)
    return jsonReply(200, { id, status, reason })
  },
}
