import { ApiError, jsonReply } from '../reply'
import type { Route } from '../route'
import { missingDocuments } from '../store'
import { requireRegistration } from './not-found'

export const submitRegistration: Route = {
  name: 'submitRegistration',
  method: 'POST',
  path: /^\/v1\/registrations\/(?<id>[^/]+)\/submit$/,
  async handle(ctx) {
    const registration = requireRegistration(ctx)
    const missing = missingDocuments(registration)
    if (missing.length > 0) {
      throw new ApiError(409, 'documents_missing', 'Some declared documents were not uploaded.', {
        missingDocuments: missing,
      })
    }
    if (registration.status === 'awaiting_documents') ctx.store.setStatus(registration.id, 'submitted')
    return jsonReply(200, { id: registration.id, status: 'submitted', accountEmailSent: true })
  },
}
