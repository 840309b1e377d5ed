import { beforeEach, describe, expect, it } from 'vitest'
import { useBackend } from './use-backend'

describe('e-mail verification codes', () => {
  let now = new Date()
  beforeEach(() => void (now = new Date('2026-09-02T09:00:00Z')))
  const t = useBackend({ now: () => now, limits: { verificationTtlMs: 10 * 60 * 1000 } })

  async function requestCode(email = 'linh@example.org'): Promise<{ id: string; code: string }> {
    const answer = await t.api.requestCode(email)
    expect(answer.status).toBe(201)
    return { id: String(answer.body['id']), code: t.backend.store.lastCode(email) ?? '' }
  }

  it('sends a 6-letter code that confirms the address', async () => {
    const answer = await t.api.requestCode('Linh@Example.org')
    expect(answer.body['expiresAt']).toBe('2026-09-02T09:10:00.000Z')
    const code = t.backend.store.lastCode('linh@example.org') ?? ''
    expect(code).toMatch(/^[A-Z]{6}$/)

    const confirmed = await t.api.confirmCode(String(answer.body['id']), code.toLowerCase())

    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toEqual({ id: answer.body['id'], verifiedAt: '2026-09-02T09:00:00.000Z' })
  })

  it('answers 422 wrong_code, then 429 after 5 wrong tries even with the right code', async () => {
    const { id, code } = await requestCode()
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'

    for (let i = 0; i < 5; i++) {
      const answer = await t.api.confirmCode(id, wrong)
      expect(answer.status).toBe(422)
      expect(answer.body['code']).toBe('wrong_code')
    }
    expect((await t.api.confirmCode(id, code)).status).toBe(429)
  })

  it('answers 410 expired once the code is too old', async () => {
    const { id, code } = await requestCode()
    now = new Date(now.getTime() + 10 * 60 * 1000)

    const answer = await t.api.confirmCode(id, code)

    expect(answer.status).toBe(410)
    expect(answer.body['code']).toBe('expired')
  })

  it('answers 404 for an unknown verification and 422 for a missing code or address', async () => {
    expect((await t.api.confirmCode(crypto.randomUUID(), 'ABCDEF')).status).toBe(404)
    const { id } = await requestCode()
    expect((await t.api.confirmCode(id, '')).status).toBe(422)
    expect((await t.api.requestCode('not an address')).body['errors']).toEqual([
      expect.objectContaining({ path: 'email', code: 'invalid_format' }),
    ])
  })
})
