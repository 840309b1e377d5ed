import { describe, expect, it } from 'vitest'
import { api } from './api'
import { createBackend } from './server'
import { useBackend } from './use-backend'

describe('health and desk tokens', () => {
  const t = useBackend()

  it('answers the health probe without a token', async () => {
    const answer = await api(t.backend, 'not-a-token').health()
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ status: 'ok', api: '1' })
    expect(Number.isNaN(Date.parse(String(answer.body['time'])))).toBe(false)
  })

  it('refuses a missing or unknown token with 401', async () => {
    const unknown = await api(t.backend, 'not-a-token').status('anything')
    expect(unknown.status).toBe(401)
    expect(unknown.body['code']).toBe('unauthorized')

    const missing = await fetch(`${t.backend.url}/v1/registrations/anything`)
    expect(missing.status).toBe(401)
  })

  it('refuses a revoked token with 401 and a disabled one with 403', async () => {
    t.backend.auth.disable(t.backend.token)
    const disabled = await t.api.status('anything')
    expect(disabled.status).toBe(403)
    expect(disabled.body['code']).toBe('forbidden')

    t.backend.auth.enable(t.backend.token)
    expect((await t.api.status('anything')).status).toBe(404)

    t.backend.auth.revoke(t.backend.token)
    expect((await t.api.status('anything')).status).toBe(401)
  })

  it('answers 404 for an unknown path and 405 for a wrong method, to a known desk only', async () => {
    expect((await api(t.backend, 'nope').call('GET', '/v1/nothing')).status).toBe(401)
    const missing = await t.api.call('GET', '/v1/nothing')
    expect(missing.status).toBe(404)
    const wrongMethod = await t.api.call('DELETE', '/v1/registrations')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })
})

describe('tokens given at creation', () => {
  it('accepts each of them and nothing else', async () => {
    const backend = await createBackend({ tokens: ['desk-1', 'desk-2'] })
    try {
      expect(backend.token).toBe('desk-1')
      expect((await api(backend, 'desk-2').status('x')).status).toBe(404)
      expect((await api(backend, 'desk-3').status('x')).status).toBe(401)
      backend.auth.add('desk-3')
      expect((await api(backend, 'desk-3').status('x')).status).toBe(404)
    } finally {
      await backend.close()
    }
  })
})
