import { openCore, type Core } from '../../../electron/core/core'
import type { SecretStore } from '../../../electron/core/secrets'
import type { Transport } from '../../../electron/core/sync/transport'
import { resourcesDir } from '../../core/sync/desk'

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
