import { randomInt, randomUUID } from 'node:crypto'
import type { DeclaredDocument } from './validation'

export type RegistrationStatus = 'awaiting_documents' | 'submitted' | 'verified' | 'rejected'

export interface StoredRegistration {
  id: string
  clientId: string
  /** Canonical hash of the creating request, to tell a replay from a key reuse. */
  requestHash: string
  email: string
  documents: DeclaredDocument[]
  /** The request body as received. */
  body: unknown
  /** Uploaded document bytes by sha256. */
  files: Map<string, Buffer>
  status: RegistrationStatus
  reason: string | null
  createdAt: Date
}

export interface EmailVerification {
  id: string
  email: string
  code: string
  expiresAt: Date
  wrongTries: number
  verifiedAt: Date | null
}

export type NewRegistration = Pick<
  StoredRegistration,
  'clientId' | 'requestHash' | 'email' | 'documents' | 'body'
>

const CODE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/**
 * The backend's memory. Registrations are kept by server id, not by clientId, so that
 * `countRegistrations(clientId)` really checks that idempotency never created a second one.
 */
export class Store {
  private readonly registrations = new Map<string, StoredRegistration>()
  private readonly verifications = new Map<string, EmailVerification>()

  addRegistration(input: NewRegistration, now: Date): StoredRegistration {
    const registration: StoredRegistration = {
      ...input,
      id: randomUUID(),
      files: new Map(),
      status: 'awaiting_documents',
      reason: null,
      createdAt: now,
    }
    this.registrations.set(registration.id, registration)
    return registration
  }

  registration(id: string): StoredRegistration | undefined {
    return this.registrations.get(id)
  }

  registrationByClientId(clientId: string): StoredRegistration | undefined {
    return this.allRegistrations().find((r) => r.clientId === clientId.toLowerCase())
  }

  registrationByEmail(email: string): StoredRegistration | undefined {
    return this.allRegistrations().find((r) => r.email === email)
  }

  allRegistrations(): StoredRegistration[] {
    return [...this.registrations.values()]
  }

  /** How many registrations exist for one clientId; anything but 0 or 1 is a bug. */
  countRegistrations(clientId: string): number {
    return this.allRegistrations().filter((r) => r.clientId === clientId.toLowerCase()).length
  }

  /** sha256 of the documents stored for a registration. */
  storedDocuments(id: string): string[] {
    return [...(this.registrations.get(id)?.files.keys() ?? [])]
  }

  /** Stores the bytes; `false` when they were already there. */
  storeDocument(registration: StoredRegistration, sha256: string, bytes: Buffer): boolean {
    if (registration.files.has(sha256)) return false
    registration.files.set(sha256, bytes)
    return true
  }

  /** Stands for the back office deciding on a submitted registration. */
  setStatus(id: string, status: RegistrationStatus, reason: string | null = null): void {
    const registration = this.registrations.get(id)
    if (!registration) throw new Error(`No registration ${id}`)
    registration.status = status
    registration.reason = reason
  }

  addVerification(email: string, expiresAt: Date): EmailVerification {
    const code = Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('')
    const verification = { id: randomUUID(), email, code, expiresAt, wrongTries: 0, verifiedAt: null }
    this.verifications.set(verification.id, verification)
    return verification
  }

  verification(id: string): EmailVerification | undefined {
    return this.verifications.get(id)
  }

  /** The code most recently "e-mailed" to an address: what the student would read in the inbox. */
  lastCode(email: string): string | undefined {
    return [...this.verifications.values()].findLast((v) => v.email === email.toLowerCase())?.code
  }
}

export function missingDocuments(registration: StoredRegistration): string[] {
  return registration.documents.map((d) => d.sha256).filter((sha256) => !registration.files.has(sha256))
}
