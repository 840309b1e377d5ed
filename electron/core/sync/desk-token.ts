import { accountFor, assertWritable, readSecret, type SecretStore } from '../secrets'

/**
 * The desk token an admin provisions, kept in the OS keychain (one entry per data folder) and never
 * in SQLite, logs, exports or error messages. `override` stands for it when the admin CLI is given
 * GUICHET_TOKEN.
 */
export class DeskToken {
  private readonly account: string
  private cached: string | null | undefined

  constructor(
    private readonly secrets: SecretStore,
    private readonly dataDir: string,
    private readonly override?: string,
  ) {
    this.account = accountFor(dataDir, 'desk-token')
  }

  /**
   * The token, read once from the keychain and kept for the session. A keychain locked since the
   * desk started answers `keychain_unavailable` (never "no token", which would send the desk to be
   * provisioned again) and nothing is kept, so the next call reads it once the keychain is unlocked.
   */
  async get(): Promise<string | null> {
    if (this.override) return this.override
    if (this.cached === undefined) {
      // Read first, assign after: a set() that lands during the read must win over the old value.
      const stored = await readSecret(this.secrets, this.dataDir, this.account)
      this.cached ??= stored
    }
    return this.cached
  }

  /** Before a one-time code is spent on a token: a keychain that cannot keep it refuses now. */
  assertWritable(): Promise<void> {
    return assertWritable(this.secrets, this.dataDir)
  }

  /** Forgets the token: the backend it was issued by is no longer this desk's. */
  async clear(): Promise<void> {
    await this.secrets.delete(this.account)
    this.cached = null
  }

  async set(token: string): Promise<void> {
    await this.secrets.set(this.account, token)
    this.cached = token
  }
}
