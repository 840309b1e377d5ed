import { createHash, randomBytes } from 'node:crypto'
import keytar from 'keytar'

/** Where the desk keeps its secrets: the OS keychain (Keychain, Credential Manager, libsecret). */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, value: string): Promise<void>
  delete(account: string): Promise<boolean>
}

export const SERVICE = 'fr.guichet.desk'

export function osKeychain(service = SERVICE): SecretStore {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, value) => keytar.setPassword(service, account, value),
    delete: (account) => keytar.deletePassword(service, account),
  }
}

/** Each data folder has its own key, so a test or demo folder never shares the desk's. */
export function accountFor(dataDir: string, name: string): string {
  return `${name}:${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`
}

/**
 * The 256-bit key that encrypts personal data at rest. Created on first use and kept only in the
 * keychain: losing it makes the queue unreadable, which is the point of a stolen laptop.
 */
export async function dataKey(store: SecretStore, dataDir: string): Promise<Buffer> {
  const account = accountFor(dataDir, 'data-key')
  const existing = await store.get(account)
  if (existing) return Buffer.from(existing, 'base64')
  const key = randomBytes(32)
  await store.set(account, key.toString('base64'))
  return key
}
