import { parseArgs } from 'node:util'
import type { QueueItem } from '../../../../src/domain/sync/queue'
import { deskOptions, withDesk } from './open-desk'

const PAGE = 200

/** `desk queue --json`: one JSON line per record, newest first: clientId, state, attempts, lastError, serverId. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...deskOptions, json: { type: 'boolean', default: false } },
  })
  return withDesk(values, async (core) => {
    let after: string | null = null
    do {
      const page = core.outbox.list({ state: null, after, limit: PAGE })
      for (const item of page.items) console.log(values.json ? JSON.stringify(line(item)) : text(item))
      after = page.next
    } while (after)
    return 0
  })
}

const line = ({ clientId, state, attempts, lastError, serverId }: QueueItem) => ({
  clientId,
  state,
  attempts,
  lastError: lastError?.message ?? null,
  serverId,
})

const text = (item: QueueItem) =>
  [
    item.reference,
    item.state.padEnd(18),
    String(item.attempts).padStart(3),
    item.lastError?.message ?? '',
  ].join('  ')
