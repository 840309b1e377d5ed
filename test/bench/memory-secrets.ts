import type { SecretStore } from '../../electron/core/secrets'

/** The keychain is not what is measured, and `npm run bench` may run outside a keyring session. */
export function memorySecrets(): SecretStore {
  const values = new Map<string, string>()
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
  }
}
