import type { Database } from 'better-sqlite3'
import { statement } from '../db/statements'
import { emailKeyer } from '../registrations/email-key'
import type { EmailVerificationProof } from './request-body'

/**
 * E-mail addresses verified at the desk (the sign-up's step 2), per record. Only the keyed hash of the
 * address is kept: the proof goes into the POST body only while the record still has that address,
 * so an e-mail corrected after its code was typed is verified by the backend later, as offline.
 */
export class Verifications {
  private readonly emailKey: (email: string) => Buffer

  constructor(
    private readonly db: Database,
    key: Uint8Array,
  ) {
    this.emailKey = emailKeyer(key)
  }

  record(clientId: string, email: string, proof: EmailVerificationProof): void {
    this.db
      .prepare(
        `INSERT INTO email_verifications (client_id, verification_id, email_key, verified_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (client_id) DO UPDATE SET verification_id = excluded.verification_id,
           email_key = excluded.email_key, verified_at = excluded.verified_at`,
      )
      .run(clientId, proof.id, this.emailKey(email), proof.verifiedAt)
  }

  proofFor(clientId: string, email: string): EmailVerificationProof | null {
    const row = statement(
      this.db,
      'SELECT verification_id, email_key, verified_at FROM email_verifications WHERE client_id = ?',
    ).get(clientId) as { verification_id: string; email_key: Buffer; verified_at: string } | undefined
    if (!row || !row.email_key.equals(this.emailKey(email))) return null
    return { id: row.verification_id, verifiedAt: row.verified_at }
  }
}
