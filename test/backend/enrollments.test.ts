import { describe, expect, it } from 'vitest'
import { api } from './api'
import { useBackend } from './use-backend'

let clock = new Date('2026-09-02T08:00:00Z')
const t = useBackend({ now: () => clock, adminToken: 'admin-secret' })

const enroll = (code: unknown) =>
  api(t.backend, '').call('POST', '/v1/desks/enrollments', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, desk: { name: 'desk 3', appVersion: '0.2.0', platform: 'win32' } }),
  })

describe('POST /v1/desks/enrollments', () => {
  it('gives the desk its id, event and a token the backend accepts, once', async () => {
    clock = new Date('2026-09-02T08:00:00Z')
    t.backend.enrollments.add({ code: 'abcd-2345-efgh', deskId: 'paris-3', event: 'Salon Paris' }, clock)
    const first = await enroll('ABCD 2345 EFGH')
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ deskId: 'paris-3', event: 'Salon Paris' })
    const token = String(first.body['token'])
    expect((await api(t.backend, token).status('nothing')).status).toBe(404)
    expect(t.backend.enrollments.get('ABCD2345EFGH')?.issued?.desk).toMatchObject({ platform: 'win32' })

    const again = await enroll('ABCD2345EFGH')
    expect(again.status).toBe(410)
    expect(again.body['code']).toBe('enrollment_code_used')
  })

  it('answers 404 for an unknown code and 410 for an expired one', async () => {
    clock = new Date('2026-09-02T08:00:00Z')
    t.backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'lyon-1', ttlMs: 3600_000 }, clock)
    expect((await enroll('ZZZZ2222ZZZZ')).body['code']).toBe('enrollment_code_unknown')
    clock = new Date('2026-09-02T09:00:00Z')
    const expired = await enroll('JKMN6789PQRS')
    expect(expired.status).toBe(410)
    expect(expired.body['code']).toBe('enrollment_code_expired')
  })

  it('answers 429 with Retry-After after 10 wrong codes in 10 minutes, even for a good code', async () => {
    clock = new Date('2026-09-02T08:00:00Z')
    t.backend.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'lille-2' }, clock)
    for (let i = 0; i < 10; i++) {
      clock = new Date(Date.parse('2026-09-02T08:00:00Z') + i * 30_000)
      expect((await enroll(`WRONG${i}`)).status).toBe(404)
    }
    const throttled = await enroll('TUVW3456XYZA')
    expect(throttled.status).toBe(429)
    // The first wrong code (08:00:00) falls out of the window at 08:10:00; it is now 08:04:30.
    expect(throttled.headers.get('retry-after')).toBe('330')
    expect(t.backend.enrollments.get('TUVW3456XYZA')?.usedAt).toBeNull()

    clock = new Date('2026-09-02T08:10:00Z')
    expect((await enroll('TUVW3456XYZA')).status).toBe(201)
  })

  it('makes codes through the admin route, for the admin token only', async () => {
    const refused = await api(t.backend, t.backend.token).call('POST', '/v1/admin/enrollment-codes', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deskId: 'nice-1' }),
    })
    expect(refused.status).toBe(401)
    const made = await api(t.backend, 'admin-secret').call('POST', '/v1/admin/enrollment-codes', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deskId: 'nice-1', event: 'Forum Nice' }),
    })
    expect(made.status).toBe(201)
    expect(String(made.body['code'])).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    expect((await enroll(made.body['code'])).body).toMatchObject({ deskId: 'nice-1', event: 'Forum Nice' })
  })
})
