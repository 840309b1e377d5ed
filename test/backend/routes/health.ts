import { jsonReply } from '../reply'
import type { Route } from '../route'

export const health: Route = {
  name: 'health',
  method: 'GET',
  path: /^\/v1\/health$/,
  public: true,
  handle: async (ctx) => jsonReply(200, { status: 'ok', api: '1', time: ctx.now().toISOString() }),
}
