import { describe, expect, it } from 'vitest'
import { sampleDocument, sampleRegistration } from './fixtures'
import { useBackend } from './use-backend'

describe('fault injection', () => {
  const t = useBackend()

  it('delays an answer and then answers normally', async () => {
    t.backend.faults.add({ kind: 'delay', ms: 50, route: 'health', times: 1 })
    expect((await t.api.health()).status).toBe(200)
    expect(t.backend.log.at(-1)).toMatchObject({ route: 'health', status: 200, fault: 'delay' })
  })

  it.each([500, 503, 429])('answers %i with the Retry-After the test chose', async (status) => {
    t.backend.faults.add({ kind: 'status', status, retryAfter: 7, route: 'createRegistration' })
    const body = sampleRegistration([sampleDocument()])

    const answer = await t.api.create(body)

    expect(answer.status).toBe(status)
    expect(answer.headers.get('retry-after')).toBe('7')
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(0)
  })

  it('answers 401 unauthorized to a valid token when told to', async () => {
    t.backend.faults.add({ kind: 'status', status: 401, route: 'submitRegistration' })
    const answer = await t.api.submit(crypto.randomUUID())
    expect(answer.status).toBe(401)
    expect(answer.body['code']).toBe('unauthorized')
  })

  it('fails only the next N matching requests, and only on the chosen route', async () => {
    t.backend.faults.add({ kind: 'status', status: 503, route: ['createRegistration'], times: 2 })
    const body = sampleRegistration([sampleDocument()])

    expect((await t.api.health()).status).toBe(200)
    const statuses = [await t.api.create(body), await t.api.create(body), await t.api.create(body)].map(
      (a) => a.status,
    )

    expect(statuses).toEqual([503, 503, 201])
    expect(t.backend.log.map((e) => [e.route, e.status, e.fault])).toEqual([
      ['health', 200, null],
      ['createRegistration', 503, 'status'],
      ['createRegistration', 503, 'status'],
      ['createRegistration', 201, null],
    ])
  })

  it('stops failing once the rules are cleared', async () => {
    t.backend.faults.add({ kind: 'status', status: 500 })
    expect((await t.api.health()).status).toBe(500)
    t.backend.faults.clear()
    expect((await t.api.health()).status).toBe(200)
  })

  it('cuts the connection in the middle of an upload, storing nothing', async () => {
    const doc = sampleDocument('identity', 'application/pdf', 1024 * 1024)
    const id = String((await t.api.create(sampleRegistration([doc]))).body['id'])
    t.backend.faults.add({ kind: 'drop', afterBodyBytes: 64 * 1024, route: 'uploadDocument', times: 1 })

    await expect(t.api.upload(id, doc)).rejects.toThrow()

    const dropped = t.backend.log.at(-1)
    expect(dropped).toMatchObject({ route: 'uploadDocument', status: null, fault: 'drop' })
    expect(dropped?.bodyBytes).toBeGreaterThanOrEqual(64 * 1024)
    expect(dropped?.bodyBytes).toBeLessThan(doc.declared.size)
    expect(t.backend.store.storedDocuments(id)).toEqual([])
    expect((await t.api.upload(id, doc)).status).toBe(201)
  })

  it('handles a request but loses its answer; the retry replays it', async () => {
    t.backend.faults.add({ kind: 'lose-response', route: 'createRegistration', times: 1 })
    const body = sampleRegistration([sampleDocument()])

    await expect(t.api.create(body)).rejects.toThrow()
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)

    const retry = await t.api.create(body)
    expect(retry.status).toBe(200)
    expect(retry.body['id']).toBe(t.backend.store.registrationByClientId(body.clientId)?.id)
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)
  })

  it('never answers a hanging request, so the client times out', async () => {
    t.backend.faults.add({ kind: 'hang', route: 'health' })

    const probe = fetch(`${t.backend.url}/v1/health`, { signal: AbortSignal.timeout(200) })

    await expect(probe).rejects.toThrow(/timeout/i)
    expect(t.backend.log.at(-1)).toMatchObject({ route: 'health', status: null, fault: 'hang' })
  })

  it('plays a captive portal: a 200 HTML login page', async () => {
    t.backend.faults.add({ kind: 'captive-portal', page: 'html' })
    const answer = await t.api.health()
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
    expect(answer.body['text']).toMatch(/<form/)
  })

  it('plays a captive portal: a 200 JSON answer without api "1"', async () => {
    t.backend.faults.add({ kind: 'captive-portal', page: 'json', route: 'health' })
    const answer = await t.api.health()
    expect(answer.status).toBe(200)
    expect(answer.body['api']).toBeUndefined()
  })
})
