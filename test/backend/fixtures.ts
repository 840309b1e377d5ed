import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { DeclaredDocument } from './validation'

/** Test material for the backend: documents with real bytes and a registration body that declares them. */

export interface SampleDocument {
  bytes: Buffer
  declared: DeclaredDocument
}

export function sampleDocument(
  kind: DeclaredDocument['kind'] = 'identity',
  mediaType: DeclaredDocument['mediaType'] = 'application/pdf',
  size = 4096,
): SampleDocument {
  const bytes = randomBytes(size)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return {
    bytes,
    declared: { kind, sha256, size, mediaType, fileName: `${kind}.${mediaType.split('/')[1]}` },
  }
}

export function sampleRegistration(documents: SampleDocument[], email = `${randomUUID()}@example.org`) {
  return {
    clientId: randomUUID(),
    capturedAt: '2026-09-02T09:14:03Z',
    desk: { id: 'paris-fair-desk-3', event: 'Salon Étudiant Paris 2026', operator: 'AB' },
    student: {
      civility: 'MME',
      lastName: 'Nguyen',
      firstName: 'Linh',
      secondFirstName: null,
      thirdFirstName: null,
      birthDate: '2005-04-17',
      email,
      ine: null,
      noIne: true,
      familySituation: 'CELIBATAIRE',
      nationality: 'VN',
      establishment: { notEnrolledYet: true, abroad: false, department: '75', uai: '0751717J', name: null },
      contact: {
        landline: null,
        mobile: '+33612345678',
        address: '12 rue des Écoles',
        postalCode: '75005',
        city: 'Paris',
        country: 'FR',
      },
      emergencyContacts: [],
    },
    documents: documents.map((d) => d.declared),
  }
}

/** RFC 9530 `Content-Digest` for the bytes. */
export function contentDigest(bytes: Buffer): string {
  return `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`
}
