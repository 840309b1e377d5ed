import { describe, expect, it } from 'vitest'
import { useBackend } from '../../backend/use-backend'
import { nextEvent, openDesk, queueOne, useDesk } from './desk'

const SECOND = 1000
const HOUR = 3_600_000

const t = useBackend()
const desk = useDesk(t)

/** How long the queue screen says the record still waits. */
const waitShown = (clientId: string) =>
  Date.parse(desk.item(clientId)!.nextAttemptAt!) - desk.clock.now().getTime()

/** A record the backend answered 503 with `Retry-After: seconds` (or an HTTP date) on its first try. */
async function refusedOnce(retryAfter: number | string, status = 503): Promise<string> {
  const clientId = await queueOne(desk.core, desk.files)
  t.backend.faults.add({ kind: 'status', status, retryAfter, route: 'createRegistration', times: 1 })
  await desk.core.sync.drain()
  expect(desk.item(clientId)).toMatchObject({ state: 'retry_wait', lastError: { code: `http_${status}` } })
  return clientId
}

describe('a record waiting to retry when the system clock changes', () => {
  it('is sent by the running sync 30 s after a 503, though the clock was set back 3 hours', async () => {
    const a = await refusedOnce(30)
    desk.clock.jump(-3 * HOUR)
    // The queue screen, the sync's timer and the due search read the same capped time.
    expect(waitShown(a)).toBe(30 * SECOND)
    expect(desk.core.outbox.nextDueAt()!.getTime() - desk.clock.now().getTime()).toBe(30 * SECOND)

    let passOver = desk.clock.nextTimer()
    desk.core.sync.start()
    await passOver
    passOver = desk.clock.nextTimer()
    desk.clock.advance(29 * SECOND)
    await passOver
    // Retry-After still holds: not a second early.
    expect(desk.item(a)?.state).toBe('retry_wait')
    passOver = desk.clock.nextTimer()
    desk.clock.advance(2 * SECOND)
    await passOver
    expect(desk.item(a)?.state).toBe('submitted')
    expect(t.backend.store.countRegistrations(a)).toBe(1)
  })

  it("tells the queue screen when the sync's timer finds the clock set back, so it shows the new time", async () => {
    const announced = nextEvent(desk.core, 'queueChanged', (counts) => counts.retry_wait === 1)
    await refusedOnce(30)
    await announced
    desk.clock.jump(-3 * HOUR)
    const changed = nextEvent(desk.core, 'queueChanged', () => true)
    // What the running sync reads to set its timer after each pass.
    desk.core.outbox.nextDueAt()
    expect(await changed).toMatchObject({ retry_wait: 1 })
  })

  it('is due after what it was given, not 3 hours later, when the clock went back while the desk was off', async () => {
    const a = await refusedOnce(30)
    desk.core.close()
    desk.clock.jump(-3 * HOUR)
    desk.core = await openDesk(desk.dataDir, t.backend, { clock: desk.clock })

    const { counts } = await desk.core.sync.drain({ maxWaitMs: 10 * 60 * SECOND })

    expect(counts).toMatchObject({ submitted: 1, retry_wait: 0 })
    expect(desk.item(a)?.state).toBe('submitted')
  })

  it('keeps a Retry-After longer than the backoff (1 hour, as an HTTP date) its full length', async () => {
    const until = new Date(desk.clock.now().getTime() + HOUR).toUTCString()
    const a = await refusedOnce(until, 429)
    const given = waitShown(a)
    expect(given).toBeGreaterThan(HOUR - 2 * SECOND)
    desk.clock.advance(10 * 60 * SECOND)
    desk.clock.jump(-3 * HOUR)
    // Capped at the hour it was given, from when the desk saw the clock go back: never more.
    expect(waitShown(a)).toBe(given)
    const { counts } = await desk.core.sync.drain({ maxWaitMs: 30 * 60 * SECOND })
    expect(counts.retry_wait).toBe(1)
    desk.clock.advance(given)
    expect((await desk.core.sync.drain()).counts).toMatchObject({ submitted: 1, retry_wait: 0 })
  })

  it('is only sent early when the clock is set forward, and waits as before when the clock does not move', async () => {
    const a = await refusedOnce(120)
    desk.clock.advance(60 * SECOND)
    expect(waitShown(a)).toBe(60 * SECOND)
    expect((await desk.core.sync.drain()).counts.retry_wait).toBe(1)
    desk.clock.jump(3 * HOUR)
    expect(waitShown(a)).toBeLessThan(0)
    expect((await desk.core.sync.drain()).counts).toMatchObject({ submitted: 1, retry_wait: 0 })
  })

  it('makes "Retry now" immediate even if the clock then goes back', async () => {
    const a = await refusedOnce(120)
    desk.core.sync.pause()
    desk.core.outbox.retryNow(a)
    desk.clock.jump(-3 * HOUR)
    expect(waitShown(a)).toBe(0)
    expect(desk.core.outbox.hasDueNow()).toBe(true)
  })
})

describe("a sent record's status when the system clock is set back", () => {
  const statusAsked = () => t.backend.log.filter((e) => e.route === 'getRegistration').length

  it('is asked again one refresh interval (15 min) later, not 3 hours more', async () => {
    const a = await queueOne(desk.core, desk.files)
    await desk.core.sync.drain()
    expect(desk.item(a)?.state).toBe('submitted')
    const asked = statusAsked()
    desk.clock.jump(-3 * HOUR)
    // The running sync's next pass (every minute at most) is the first to read the clock set back.
    await desk.core.sync.drain()

    desk.clock.advance(14 * 60 * SECOND)
    await desk.core.sync.drain()
    expect(statusAsked()).toBe(asked)
    desk.clock.advance(60 * SECOND + 1)
    await desk.core.sync.drain()
    expect(statusAsked()).toBe(asked + 1)
  })
})
