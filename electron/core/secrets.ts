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
    get: (account) => reached(() => keytar.getPassword(service, account)),
    set: (account, value) => reached(() => keytar.setPassword(service, account, value)),
    delete: (account) => reached(() => keytar.deletePassword(service, account)),
  }
}

/**
 * keytar fails only when the keychain itself cannot be used (no D-Bus session, no Secret Service,
 * a locked collection refusing a write, access denied): the person can act on that, so it gets its
 * code, apart from an entry that is really missing. keytar's own words are kept for support. The
 * same words serve at start and later in the session (the keychain locked while the desk runs).
 */
async function reached<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    throw new GuichetFailure(
      'keychain_unavailable',
      'The system keychain could not be reached or is locked ' +
        `(${error instanceof Error ? error.message : String(error)}). Nothing was changed or lost: ` +
        'log in to the desktop session or unlock its keychain, then try again.',
    )
  }
}

/**
 * A locked keychain answers "no such entry" to every read (libsecret cannot prompt without a
 * desktop): only a write tells it from a missing entry. A throw-away entry is written and removed.
 */
export async function assertWritable(store: SecretStore, dataDir: string): Promise<void> {
  const probe = accountFor(dataDir, 'keychain-probe')
  await store.set(probe, 'probe')
  await store.delete(probe)
}

/** An entry the desk needs: null only when it is really missing, `keychain_unavailable` when locked. */
export async function readSecret(
  store: SecretStore,
  dataDir: string,
  account: string,
): Promise<string | null> {
  const value = await store.get(account)
  if (value === null) await assertWritable(store, dataDir)
  return value
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
    // Locked rather than missing: keychain_unavailable, and the entry is still there once unlocked.
    await assertWritable(store, dataDir)
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
  // A locked or unreachable keychain refuses this write: no key is made that it would not keep.
  await store.set(account, key.toString('base64'))
  return key
}
