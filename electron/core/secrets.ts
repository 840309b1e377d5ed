import { createHash, randomBytes } from 'node:crypto'
import keytar from 'keytar'
import { GuichetFailure } from '../../src/domain/result'

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
 * keychain: losing it makes the queue unreadable, which is the point of a stolen laptop. A missing
 * entry while `sealed()` counts data kept under a key is never answered with a new key:
 * that would make every record unreadable for good, where support may still restore the entry.
 */
export async function dataKey(
  store: SecretStore,
  dataDir: string,
  sealed: () => number = () => 0,
): Promise<Buffer> {
  const account = accountFor(dataDir, 'data-key')
  const existing = await store.get(account)
  if (existing) return Buffer.from(existing, 'base64')
  const items = sealed()
  if (items > 0) {
    throw new GuichetFailure(
      'data_key_missing',
      `The encryption key of the desk folder ${dataDir} is missing from the system keychain ` +
        `(service ${SERVICE}, account ${account}), while ${items} encrypted item(s) (records, agents, audit ` +
        'entries, scans) are stored there. ' +
        'Guichet stopped without changing anything. For support: restore that keychain entry from a ' +
        'backup of this computer’s account; without it those records cannot be read.',
    )
  }
  const key = randomBytes(32)
  await store.set(account, key.toString('base64'))
  return key
}
