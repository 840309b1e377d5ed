import { beforeEach, describe, expect, it } from 'vitest'
import { useBackend } from '../../backend/use-backend'
import { fastSync, nextEvent, queueOne, useDesk } from './desk'

const t = useBackend()
let logged: unknown[]
const desk = useDesk(t, { extra: () => ({ onUnexpected: (error) => logged.push(error) }) })

/** What better-sqlite3 throws on a damaged page of the database. */
const corrupt = () => Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })

/**
 * The outbox's commit (every claim goes through it) fails as on a damaged page, for the next
 * `times` calls, and each pass is counted. The fault ends by itself so that a sync that spins on it
 * ends too, and the count says how many passes it took.
 */
function damagedCommits(times: number): { passes: () => number } {
  const { outbox } = desk.core
  const commit = outbox.commit.bind(outbox)
  const purgeIfDue = outbox.purgeIfDue.bind(outbox)
  let left = times
  let passes = 0
  outbox.commit = (arg) => {
    if (left-- > 0) throw corrupt()
    return commit(arg)
  }
  // The first thing each pass does.
  outbox.purgeIfDue = (days) => {
    passes++
    return purgeIfDue(days)
  }
  return { passes: () => passes }
}

beforeEach(async () => {
  logged = []
  await queueOne(desk.core, desk.files)
})

describe('a pass of the sync that throws', () => {
  it('stops drain after that pass, which rejects with the fault, logged once, the record kept', async () => {
    const { passes } = damagedCommits(1_000)

    await expect(desk.core.sync.drain({ maxWaitMs: 2_000 })).rejects.toMatchObject({ code: 'SQLITE_CORRUPT' })

    expect(passes()).toBe(1)
    expect(logged).toHaveLength(1)
    expect(desk.core.outbox.counts()).toMatchObject({ queued: 1, submitted: 0 })
  })

  it('makes the running sync wait a tick before the next pass, then send once the fault is gone', async () => {
    // A record waiting to retry, due by now: without the fault, the next pass would start at once.
    t.backend.faults.add({ kind: 'status', status: 503, route: 'createRegistration', times: 1 })
    await desk.core.sync.drain()
    expect(desk.core.outbox.counts()).toMatchObject({ retry_wait: 1 })
    desk.clock.advance(fastSync.backoff!.capMs)
    const { passes } = damagedCommits(4)
    const passOver = desk.clock.nextTimer()
    desk.core.sync.start()
    await passOver
    expect(passes()).toBe(1)

    desk.clock.advance(0)
    desk.clock.advance(fastSync.tickMs! - 1)
    expect(passes()).toBe(1)

    const sent = nextEvent(desk.core, 'queueChanged', (counts) => counts.submitted === 1)
    desk.clock.advance(1)
    expect(passes()).toBe(2)
    await sent
    expect(desk.core.outbox.counts()).toMatchObject({ queued: 0, submitted: 1 })
  })
})
