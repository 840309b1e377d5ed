import { accountFor, type SecretStore } from '../secrets'

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
    dataDir: string,
    private readonly override?: string,
  ) {
    this.account = accountFor(dataDir, 'desk-token')
  }

  async get(): Promise<string | null> {
    if (this.override) return this.override
    if (this.cached === undefined) {
      // Read first, assign after: a set() that lands during the read must win over the old value.
      const stored = await this.secrets.get(this.account)
      this.cached ??= stored
    }
    return this.cached
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
