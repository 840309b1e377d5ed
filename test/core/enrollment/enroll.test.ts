import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AdminAction } from '../../../electron/core/admin/admin-actions'
import type { Core } from '../../../electron/core/core'
import { openCore } from '../../../electron/core/core'
import { enrollDesk } from '../../../electron/core/enrollment/enroll'
import { GuichetFailure } from '../../../src/domain/result'
import { createBackend } from '../../backend/server'
import { useBackend } from '../../backend/use-backend'
import { cleanup, fastSync, resourcesDir, tempDir } from '../sync/desk'

let clock = new Date('2026-09-02T08:00:00Z')
const t = useBackend({ now: () => clock })
let dir: string
let core: Core
let actions: AdminAction[]

beforeEach(async () => {
  clock = new Date('2026-09-02T08:00:00Z')
  dir = tempDir('guichet-enroll-')
  core = await openCore({ dataDir: dir, host: 'web', version: '0.2.0', resourcesDir, syncTuning: fastSync })
  actions = []
  core.adminActions.on((action) => actions.push(action))
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof GuichetFailure ? error.code : error),
  )

describe('enrolling a desk with a one-time code', () => {
  it('stores the token in the keychain and the desk id, address and event in the settings', async () => {
    t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'paris-fair-3', event: 'Salon Paris' }, clock)
    core.settings.update({ idleLockMinutes: 7, locale: 'en' })
    const enrolled = await enrollDesk(
      core,
      { backendUrl: `${t.backend.url}/`, code: 'abcd 2345-efgh', settings: { retentionDays: 14 } },
      'cli',
    )
    expect(enrolled).toEqual({ deskId: 'paris-fair-3', eventName: 'Salon Paris', backendUrl: t.backend.url })
    expect(core.settings.get()).toMatchObject({
      deskId: 'paris-fair-3',
      eventName: 'Salon Paris',
      backendUrl: t.backend.url,
      retentionDays: 14,
      idleLockMinutes: 7,
      locale: 'en',
    })
    // The token the backend issued, read back from the keychain by a desk opened afresh.
    core.close()
    core = await openCore({ dataDir: dir, host: 'web', version: '0.2.0', resourcesDir })
    expect(await core.deskToken.get()).toBe(t.backend.enrollments.get('ABCD2345EFGH')?.issued?.token)
    expect(await core.sync.testConnection()).toEqual({ result: 'ok' })
    expect(await core.sync.missing()).toEqual([])
    expect(t.backend.enrollments.get('ABCD2345EFGH')?.issued?.desk).toMatchObject({ appVersion: '0.2.0' })
    expect(actions.map((a) => a.kind)).toEqual(['settings_changed', 'desk_enrolled'])
  })

  it('says the code was used, unknown or expired, and changes nothing on the desk', async () => {
    t.backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'lyon-1', ttlMs: 3600_000 }, clock)
    t.backend.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'lyon-2' }, clock)
    t.backend.enrollments.redeem('TUVW3456XYZA', 'another desk', clock)
    const before = core.settings.get()
    const enroll = (code: string) => failureOf(enrollDesk(core, { backendUrl: t.backend.url, code }, 'cli'))

    expect(await enroll('TUVW-3456-XYZA')).toBe('enrollment_code_used')
    expect(await enroll('ZZZZ-2222-ZZZZ')).toBe('enrollment_code_unknown')
    clock = new Date('2026-09-02T09:00:00Z')
    expect(await enroll('JKMN-6789-PQRS')).toBe('enrollment_code_expired')

    expect(core.settings.get()).toEqual(before)
    expect(await core.deskToken.get()).toBeNull()
    expect(actions).toEqual([])
  })

  it('refuses a code outside the alphabet without asking the backend', async () => {
    const sent = t.backend.log.length
    const failure = await enrollDesk(
      core,
      { backendUrl: t.backend.url, code: 'ABCD-0123-EFGH' },
      'cli',
    ).catch((e: unknown) => e as GuichetFailure)
    expect(failure).toMatchObject({
      code: 'invalid_request',
      fields: [{ path: 'code', code: 'enrollment_code_format' }],
    })
    expect(t.backend.log.length).toBe(sent)
  })

  it('says the backend cannot be reached when it is down', async () => {
    const down = await createBackend()
    const url = down.url
    await down.close()
    expect(await failureOf(enrollDesk(core, { backendUrl: url, code: 'ABCD2345EFGH' }, 'cli'))).toBe(
      'backend_unreachable',
    )
    expect(core.settings.get().backendUrl).toBe('')
  })

  it('passes on the 429 after ten wrong codes, with the wait in minutes', async () => {
    t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'nice-1' }, clock)
    for (let i = 0; i < 10; i++) {
      expect(
        await failureOf(
          enrollDesk(core, { backendUrl: t.backend.url, code: `ZZZZ2222ZZZ${'ABCDEFGHJK'[i]}` }, 'cli'),
        ),
      ).toBe('enrollment_code_unknown')
    }
    const throttled = await enrollDesk(
      core,
      { backendUrl: t.backend.url, code: 'ABCD2345EFGH' },
      'cli',
    ).catch((e: unknown) => e as GuichetFailure)
    expect(throttled).toMatchObject({ code: 'enrollment_throttled' })
    expect((throttled as GuichetFailure).message).toContain('wait 10 minute(s)')
    expect(core.settings.get().deskId).toBe('')
  })

  it('answers backend_unexpected when a captive portal answers instead of the backend', async () => {
    t.backend.faults.add({ kind: 'captive-portal', page: 'html' })
    expect(
      await failureOf(enrollDesk(core, { backendUrl: t.backend.url, code: 'ABCD2345EFGH' }, 'cli')),
    ).toBe('backend_unexpected')
  })
})
