import { parseArgs } from 'node:util'
import { enrollmentStatus } from '../../enrollment/status'
import { reachable } from '../../sync/backend-client'
import { deskOptions, withDesk } from './open-desk'

/**
 * `desk status`: one JSON line for support: enrolled or not (and what is missing), desk id,
 * backend, whether the backend answers its health probe now, the queue's counts, the last sync and
 * the app version. Never the token. Exits 0 whatever the state: reading it is the point.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: deskOptions })
  return withDesk(values, async (core) => {
    const { enrolled, deskId, backendUrl, eventName, missing } = await enrollmentStatus(core)
    const reach = await core.sync.probe()
    const { paused, stopped, lastSyncAt } = core.sync.status()
    console.log(
      JSON.stringify({
        enrolled,
        missing,
        deskId,
        eventName,
        backendUrl: values.backend || process.env['GUICHET_BACKEND_URL'] || backendUrl,
        online: reach !== null && reachable(reach),
        reachability: reach ?? 'not_configured',
        paused,
        tokenRefused: stopped === 'unauthorized',
        counts: core.outbox.counts(),
        lastSyncAt,
        appVersion: core.appInfo.version,
      }),
    )
    return 0
  })
}
