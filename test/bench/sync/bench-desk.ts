import { openCore, type Core } from '../../../electron/core/core'
import type { SecretStore } from '../../../electron/core/secrets'
import type { Transport } from '../../../electron/core/sync/transport'
import { resourcesDir } from '../../core/sync/desk'

/** The keychain is not what is measured, and `npm run bench` runs outside a keyring session. */
export function memorySecrets(): SecretStore {
  const values = new Map<string, string>()
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
  }
}

/** A desk as the app opens one (real clock, default tuning), on `dataDir`, sending to `backend`. */
export async function desk(
  dataDir: string,
  secrets: SecretStore,
  backend?: { url: string; token: string },
  transport?: Transport,
): Promise<Core> {
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'bench',
    resourcesDir,
    secrets,
    ...(backend && { backend }),
    ...(transport && { transport }),
  })
  core.settings.update({ deskId: 'bench-desk' })
  return core
}
