import type { Route } from '../route'
import { createRegistration } from './create-registration'
import { createDeskEnrollment, createEnrollmentCode } from './desk-enrollments'
import { confirmEmailVerification, createEmailVerification } from './email-verifications'
import { getRegistration } from './get-registration'
import { health } from './health'
import { submitRegistration } from './submit-registration'
import { uploadDocument } from './upload-document'

export const routes: readonly Route[] = [
  health,
  createRegistration,
  getRegistration,
  uploadDocument,
  submitRegistration,
  createEmailVerification,
  confirmEmailVerification,
  createDeskEnrollment,
  createEnrollmentCode,
]

export type RouteMatch =
  { route: Route; params: Record<string, string> } | { route: null; allowed: Route['method'][] }

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: Route['method'][] = []
  for (const route of routes) {
    const match = route.path.exec(path)
    if (!match) continue
    if (route.method === method) return { route, params: { ...match.groups } }
    allowed.push(route.method)
  }
  return { route: null, allowed }
}
