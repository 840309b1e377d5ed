import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { ConnectionResult } from '../../../../src/domain/sync/queue'
import { knownFailure } from '../../disk-full'
import type { DrainOutcome } from '../../sync/engine'
import { notConfiguredMessage } from './not-configured'
import { deskOptions, withDesk } from './open-desk'

/** Exit codes of `sync --once` when it could not run at all. */
const NOT_CONFIGURED = 2
const OFFLINE = 3
const UNAUTHORIZED = 4
const PAUSED = 5
const FAULT = 6

/** A pass that threw: no retry of this command would get past it. */
const FAULT_MESSAGE =
  'A fault in the desk, not the network, stopped the sync (its details and stack are in the desk log, for support). Nothing queued was lost; running sync again will meet the same fault until it is mended.'

/** Why the connection check failed; a missing setting is named before it (notConfiguredMessage). */
const WHY: Record<Exclude<ConnectionResult, 'ok' | 'not_configured'>, string> = {
  offline: 'The backend cannot be reached.',
  captive_portal: 'The network answers with a login page (captive portal): log in to the Wi-Fi first.',
  server_error: 'The backend answers but is failing (HTTP 5xx): it is not the network; try again later.',
  unauthorized: 'The backend refused the desk token: the desk must be provisioned again.',
  forbidden: 'The backend refused the desk token: the desk must be provisioned again.',
  unexpected: 'The backend answered something unexpected.',
}

/**
 * `desk sync --once [--wait <seconds>]`: sends what can be sent, waits for records due again within
 * --wait (default 30 s), prints one JSON line (the sync status and the queue's counts) and exits 0
 * even when some records are left waiting or need attention. Exits 2 without a backend or token,
 * 3 when the backend cannot be reached, 4 when it refuses the desk token, 5 when an operator paused
 * the sync, 6 when a fault of the desk (a bug, a damaged database) stopped it.
 * Without --once it keeps syncing, as the app does, until interrupted.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...deskOptions,
      once: { type: 'boolean', default: false },
      wait: { type: 'string', default: '30' },
    },
  })
  const waitSeconds = Number(values.wait)
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
    console.error('--wait takes a number of seconds.')
    return 2
  }
  return withDesk(values, async (core) => {
    if (!values.once) {
      core.sync.start()
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')])
      return 0
    }
    const check = await core.sync.testConnection()
    if (check.result === 'not_configured') {
      const { missing } = check
      const message = notConfiguredMessage(missing)
      console.error(JSON.stringify({ error: { code: 'not_configured', message, missing } }))
      return NOT_CONFIGURED
    }
    if (check.result !== 'ok') {
      console.error(JSON.stringify({ error: { code: check.result, message: WHY[check.result] } }))
      return check.result === 'unauthorized' || check.result === 'forbidden'
        ? UNAUTHORIZED
        : check.result === 'offline' || check.result === 'captive_portal' || check.result === 'server_error'
          ? OFFLINE
          : NOT_CONFIGURED
    }
    let outcome: DrainOutcome
    try {
      outcome = await core.sync.drain({ maxWaitMs: waitSeconds * 1000 })
    } catch (error) {
      // A full disk is the admin's to free: withDesk says so.
      if (knownFailure(error)) throw error
      console.error(
        JSON.stringify({ error: { code: 'sync_fault', message: FAULT_MESSAGE, fault: faultOf(error) } }),
      )
      return FAULT
    }
    const { status, counts } = outcome
    console.log(JSON.stringify({ ...status, counts }))
    if (status.stopped === 'not_configured') return NOT_CONFIGURED
    if (status.stopped === 'unauthorized') return UNAUTHORIZED
    if (status.paused) return PAUSED
    return status.online ? 0 : OFFLINE
  })
}

/** The fault by name and code, as the desk log has it: its message may quote a student. */
function faultOf(error: unknown): { name: string; code?: string } {
  if (!(error instanceof Error)) return { name: typeof error }
  const { code } = error as { code?: unknown }
  return { name: error.name, ...(typeof code === 'string' && { code }) }
}
