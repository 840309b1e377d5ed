import type { DocumentSummary } from '../../../src/domain/queue/documents'
import type { RecordProblem } from '../../../src/domain/sync/queue'
import type { EmailVerificationProof } from '../outbox/request-body'
import type { CapturedRegistration } from '../registrations/repository'

/** One record in an export file: what the importing desk needs to send it exactly as this one would. */
export interface ExportedRecord {
  clientId: string
  /** needs_attention stays so on the other desk; every other state is queued again there. */
  needsAttention: boolean
  capturedAt: string
  createdAt: string
  captured: CapturedRegistration
  /** The POST body, frozen at export. */
  requestBody: string
  serverId: string | null
  attempts: number
  lastError: RecordProblem | null
  problem: RecordProblem | null
  emailVerification: EmailVerificationProof | null
  /** In order; each is followed in the file by a frame of its bytes. */
  documents: Omit<DocumentSummary, 'id'>[]
}

/** The last frame: how many came before, so a file cut short is noticed. */
export interface ExportEnd {
  end: true
  records: number
  documents: number
}
