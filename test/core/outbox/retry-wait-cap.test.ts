import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'
import { VirtualClock } from '../sync/virtual-clock'
import { claimOne } from './claim-one'

const HOUR = 3_600_000

let dataDir: string
let core: Core
let clock: VirtualClock
let clientId: string

beforeAll(async () => {
  dataDir = tempDir('guichet-retry-cap-')
  clock = new VirtualClock()
  core = await openDesk(dataDir, null, { clock })
  clientId = await queueOne(core, await documentFiles(dataDir))
})
afterAll(() => {
  core.close()
  cleanup(dataDir)
})

describe('a retry wait and the system clock', () => {
  it('never waits longer than it was given, and only a clock set forward shortens it', () => {
    fc.assert(
      fc.property(
        // A backoff or a Retry-After (up to the day honoured), time spent waiting, then the clock moved.
        fc.integer({ min: 0, max: 24 * HOUR }),
        fc.integer({ min: 0, max: 24 * HOUR }),
        fc.integer({ min: -48 * HOUR, max: 48 * HOUR }),
        (delay, waited, moved) => {
          core.outbox.retryNow(clientId)
          expect(claimOne(core.outbox, [], 'desk')?.clientId).toBe(clientId)
          core.outbox.toRetry(clientId, { code: 'http_503', message: 'Service Unavailable' }, delay)
          clock.advance(waited)
          clock.jump(moved)

          const left = core.outbox.nextDueAt()!.getTime() - clock.now().getTime()
          expect(left).toBe(Math.min(delay - waited - moved, delay))
          expect(core.outbox.hasDueNow()).toBe(left <= 0)
          const shown = core.outbox.list({ state: 'retry_wait', after: null, limit: 1 }).items[0]
          expect(shown?.nextAttemptAt).toBe(core.outbox.nextDueAt()!.toISOString())
        },
      ),
      { numRuns: 60 },
    )
  })
})
