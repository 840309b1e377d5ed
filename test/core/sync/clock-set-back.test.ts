import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { useBackend } from '../../backend/use-backend'
import { cleanup, documentFiles, nextEvent, openDesk, queueOne, tempDir } from './desk'
import { VirtualClock } from './virtual-clock'

const SECOND = 1000
const HOUR = 3_600_000

const t = useBackend()
let dataDir: string
let core: Core
let clock: VirtualClock
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir()
  clock = new VirtualClock()
  core = await openDesk(dataDir, t.backend, { clock })
  files = await documentFiles(dataDir)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

const item = (clientId: string) =>
  core.outbox.list({ state: null, after: null, limit: 50 }).items.find((i) => i.clientId === clientId)
/** How long the queue screen says the record still waits. */
const waitShown = (clientId: string) => Date.parse(item(clientId)!.nextAttemptAt!) - clock.now().getTime()

/** A record the backend answered 503 with `Retry-After: seconds` (or an HTTP date) on its first try. */
async function refusedOnce(retryAfter: number | string, status = 503): Promise<string> {
  const clientId = await queueOne(core, files)
  t.backend.faults.add({ kind: 'status', status, retryAfter, route: 'createRegistration', times: 1 })
  await core.sync.drain()
  expect(item(clientId)).toMatchObject({ state: 'retry_wait', lastError: { code: `http_${status}` } })
  return clientId
}

describe('a record waiting to retry when the system clock changes', () => {
  it('is sent by the running sync 30 s after a 503, though the clock was set back 3 hours', async () => {
    const a = await refusedOnce(30)
    clock.jump(-3 * HOUR)
    // The queue screen, the sync's timer and the due search read the same capped time.
    expect(waitShown(a)).toBe(30 * SECOND)
    expect(core.outbox.nextDueAt()!.getTime() - clock.now().getTime()).toBe(30 * SECOND)

    let passOver = clock.nextTimer()
    core.sync.start()
    await passOver
    passOver = clock.nextTimer()
    clock.advance(29 * SECOND)
    await passOver
    // Retry-After still holds: not a second early.
    expect(item(a)?.state).toBe('retry_wait')
    passOver = clock.nextTimer()
    clock.advance(2 * SECOND)
    await passOver
    expect(item(a)?.state).toBe('submitted')
    expect(t.backend.store.countRegistrations(a)).toBe(1)
  })

  it("tells the queue screen when the sync's timer finds the clock set back, so it shows the new time", async () => {
    const announced = nextEvent(core, 'queueChanged', (counts) => counts.retry_wait === 1)
    await refusedOnce(30)
    await announced
    clock.jump(-3 * HOUR)
    const changed = nextEvent(core, 'queueChanged', () => true)
    // What the running sync reads to set its timer after each pass.
    core.outbox.nextDueAt()
    expect(await changed).toMatchObject({ retry_wait: 1 })
  })

  it('is due after what it was given, not 3 hours later, when the clock went back while the desk was off', async () => {
    const a = await refusedOnce(30)
    core.close()
    clock.jump(-3 * HOUR)
    core = await openDesk(dataDir, t.backend, { clock })

    const { counts } = await core.sync.drain({ maxWaitMs: 10 * 60 * SECOND })

    expect(counts).toMatchObject({ submitted: 1, retry_wait: 0 })
    expect(item(a)?.state).toBe('submitted')
  })

  it('keeps a Retry-After longer than the backoff (1 hour, as an HTTP date) its full length', async () => {
    const until = new Date(clock.now().getTime() + HOUR).toUTCString()
    const a = await refusedOnce(until, 429)
    const given = waitShown(a)
    expect(given).toBeGreaterThan(HOUR - 2 * SECOND)
    clock.advance(10 * 60 * SECOND)
    clock.jump(-3 * HOUR)
    // Capped at the hour it was given, from when the desk saw the clock go back: never more.
    expect(waitShown(a)).toBe(given)
    const { counts } = await core.sync.drain({ maxWaitMs: 30 * 60 * SECOND })
    expect(counts.retry_wait).toBe(1)
    clock.advance(given)
    expect((await core.sync.drain()).counts).toMatchObject({ submitted: 1, retry_wait: 0 })
  })

  it('is only sent early when the clock is set forward, and waits as before when the clock does not move', async () => {
    const a = await refusedOnce(120)
    clock.advance(60 * SECOND)
    expect(waitShown(a)).toBe(60 * SECOND)
    expect((await core.sync.drain()).counts.retry_wait).toBe(1)
    clock.jump(3 * HOUR)
    expect(waitShown(a)).toBeLessThan(0)
    expect((await core.sync.drain()).counts).toMatchObject({ submitted: 1, retry_wait: 0 })
  })

  it('makes "Retry now" immediate even if the clock then goes back', async () => {
    const a = await refusedOnce(120)
    core.sync.pause()
    core.outbox.retryNow(a)
    clock.jump(-3 * HOUR)
    expect(waitShown(a)).toBe(0)
    expect(core.outbox.hasDueNow()).toBe(true)
  })
})

describe("a sent record's status when the system clock is set back", () => {
  const statusAsked = () => t.backend.log.filter((e) => e.route === 'getRegistration').length

  it('is asked again one refresh interval (15 min) later, not 3 hours more', async () => {
    const a = await queueOne(core, files)
    await core.sync.drain()
    expect(item(a)?.state).toBe('submitted')
    const asked = statusAsked()
    clock.jump(-3 * HOUR)
    // The running sync's next pass (every minute at most) is the first to read the clock set back.
    await core.sync.drain()

    clock.advance(14 * 60 * SECOND)
    await core.sync.drain()
    expect(statusAsked()).toBe(asked)
    clock.advance(60 * SECOND + 1)
    await core.sync.drain()
    expect(statusAsked()).toBe(asked + 1)
  })
})
