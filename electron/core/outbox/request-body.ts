import type { Student } from '../../../src/domain/registration/schema'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import type { CapturedRegistration } from '../registrations/repository'

export interface EmailVerificationProof {
  id: string
  verifiedAt: string
}

export interface BodyParts {
  clientId: string
  capturedAt: string
  captured: CapturedRegistration
  /** This desk's id, for a record captured before the admin set one. */
  deskId: string
  documents: readonly Pick<DocumentSummary, 'kind' | 'sha256' | 'size' | 'mediaType' | 'fileName'>[]
  emailVerification: EmailVerificationProof | null
}

/**
 * The POST body of the contract, built once when a record is first sent and then kept, so that every
 * retry sends the very same bytes. Fields are picked one by one in the contract's order rather than
 * spread from the schema's output: yup lists keys in reverse, and the domain holds fields the
 * contract v1 does not have (`establishment.country`, for a school abroad) that a strict backend
 * would refuse; it stays on the desk until contract v2 names it.
 */
export function buildRequestBody(parts: BodyParts): Buffer {
  const { clientId, capturedAt, captured, deskId, documents, emailVerification } = parts
  const seen = new Set<string>()
  const body = {
    clientId,
    capturedAt,
    desk: {
      id: captured.desk.id || deskId,
      event: captured.desk.event,
      operator: captured.desk.operator,
    },
    student: contractStudent(captured.student),
    ...(emailVerification && { emailVerification }),
    // The same file in two slots is one document for the backend, which refuses a sha256 twice.
    documents: documents
      .filter((d) => !seen.has(d.sha256) && seen.add(d.sha256))
      .map(({ kind, sha256, size, mediaType, fileName }) => ({ kind, sha256, size, mediaType, fileName })),
  }
  return Buffer.from(JSON.stringify(body))
}

function contractStudent(s: Student) {
  const { establishment: e, contact: c } = s
  return {
    civility: s.civility,
    lastName: s.lastName,
    firstName: s.firstName,
    secondFirstName: s.secondFirstName,
    thirdFirstName: s.thirdFirstName,
    birthDate: s.birthDate,
    email: s.email,
    ine: s.ine,
    noIne: s.noIne,
    familySituation: s.familySituation,
    nationality: s.nationality,
    establishment: {
      notEnrolledYet: e.notEnrolledYet,
      abroad: e.abroad,
      department: e.department,
      uai: e.uai,
      name: e.name,
    },
    contact: {
      landline: c.landline,
      mobile: c.mobile,
      address: c.address,
      postalCode: c.postalCode,
      city: c.city,
      country: c.country,
    },
    emergencyContacts: s.emergencyContacts.map((p) => ({
      civility: p.civility,
      lastName: p.lastName,
      firstName: p.firstName,
      email: p.email,
      landline: p.landline,
      mobile: p.mobile,
      address: p.address,
      postalCode: p.postalCode,
      city: p.city,
      country: p.country,
    })),
  }
}
