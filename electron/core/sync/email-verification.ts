import { GuichetFailure } from '../../../src/domain/result'
import { normaliseEmail } from '../../../src/domain/registration/email'
import type { Verifications } from '../outbox/verifications'
import type { BackendClient } from './backend-client'
import { SyncFailure } from './failure'

/**
 * The sign-up's step 2, online only: the backend e-mails a 6-letter code, the student reads it out,
 * the agent types it. The proof is kept with the record and sent in its POST body; offline, the step
 * is skipped and the backend verifies the address by e-mail later.
 */
export class EmailVerification {
  /** Which address each code was sent to, so the proof is kept for that address and no other. */
  private readonly sentTo = new Map<string, string>()

  constructor(
    private readonly client: () => Promise<BackendClient>,
    private readonly verifications: Verifications,
  ) {}

  async send(email: string): Promise<{ id: string; expiresAt: string }> {
    const sent = await this.call((client) => client.requestCode(normaliseEmail(email)))
    this.sentTo.set(sent.id, normaliseEmail(email))
    return sent
  }

  async confirm(clientId: string, id: string, code: string): Promise<{ id: string; verifiedAt: string }> {
    const email = this.sentTo.get(id)
    if (!email)
      throw new GuichetFailure('code_unknown', 'Send a new code: this one was not sent from this desk.')
    const proof = await this.call((client) => client.confirmCode(id, code.toUpperCase()))
    this.verifications.record(clientId, email, proof)
    return proof
  }

  private async call<T>(work: (client: BackendClient) => Promise<T>): Promise<T> {
    try {
      return await work(await this.client())
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error
      const { code } = error.problem
      if (code === 'network' || code === 'timeout' || code === 'unexpected_answer') {
        throw new GuichetFailure(
          'offline',
          'The backend cannot be reached; the e-mail will be verified later.',
        )
      }
      throw new GuichetFailure(code, error.problem.message)
    }
  }
}
