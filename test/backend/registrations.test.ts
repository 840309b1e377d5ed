import { describe, expect, it, vi } from 'vitest'
import { openRequest } from './api'
import { sampleDocument, sampleRegistration } from './fixtures'
import { useBackend } from './use-backend'

describe('POST /v1/registrations', () => {
  const t = useBackend()

  it('creates a registration with 201 and lists every declared document as missing', async () => {
    const identity = sampleDocument('identity')
    const enrollment = sampleDocument('enrollment', 'image/png')
    const body = sampleRegistration([identity, enrollment])

    const answer = await t.api.create(body)

    expect(answer.status).toBe(201)
    expect(answer.body).toEqual({
      id: expect.any(String),
      status: 'awaiting_documents',
      missingDocuments: [identity.declared.sha256, enrollment.declared.sha256],
    })
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)
  })

  it('replays the same key and body with 200, the same id and what is missing now', async () => {
    const identity = sampleDocument('identity')
    const enrollment = sampleDocument('enrollment')
    const body = sampleRegistration([identity, enrollment])
    const created = await t.api.create(body)
    const id = String(created.body['id'])
    expect((await t.api.upload(id, identity)).status).toBe(201)

    const replay = await t.api.create(body)

    expect(replay.status).toBe(200)
    expect(replay.body).toEqual({
      id,
      status: 'awaiting_documents',
      missingDocuments: [enrollment.declared.sha256],
    })
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)
  })

  it('treats the same record serialised in another key order as the same body', async () => {
    const body = sampleRegistration([sampleDocument()])
    await t.api.create(body)
    const { documents, student, ...rest } = body
    const reordered = { documents, ...rest, student: Object.fromEntries(Object.entries(student).reverse()) }

    expect((await t.api.create(reordered)).status).toBe(200)
  })

  it('refuses a key reused with a different body with 422 idempotency_key_reuse', async () => {
    const body = sampleRegistration([sampleDocument()])
    await t.api.create(body)

    const answer = await t.api.create({ ...body, capturedAt: '2026-09-02T10:00:00Z' })

    expect(answer.status).toBe(422)
    expect(answer.body['code']).toBe('idempotency_key_reuse')
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)
  })

  it.each([
    ['absent', undefined],
    ['not quoted', 'KEY'],
    ['not a UUID', '"desk-3-record-12"'],
    ['unterminated', '"0193f0f4-5d7e-7c3a-9a41-3e6f1f0b2c10'],
  ])('answers 400 missing_idempotency_key when the key is %s', async (_, key) => {
    const body = sampleRegistration([sampleDocument()])
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (key !== undefined) headers['idempotency-key'] = key === 'KEY' ? body.clientId : key

    const answer = await t.api.call('POST', '/v1/registrations', { headers, body: JSON.stringify(body) })

    expect(answer.status).toBe(400)
    expect(answer.body['code']).toBe('missing_idempotency_key')
  })

  it('accepts a key carrying Structured Field parameters', async () => {
    const body = sampleRegistration([sampleDocument()])
    expect((await t.api.create(body, ` "${body.clientId}";origin=desk `)).status).toBe(201)
  })

  it('refuses a key that is not the clientId of the body', async () => {
    const body = sampleRegistration([sampleDocument()])
    const answer = await t.api.create(body, `"${crypto.randomUUID()}"`)
    expect(answer.status).toBe(422)
    expect(answer.body['errors']).toEqual([
      expect.objectContaining({ path: 'clientId', code: 'key_mismatch' }),
    ])
  })

  it('answers 422 validation_failed with the path of each wrong field', async () => {
    const body = sampleRegistration([sampleDocument()])
    const broken = {
      ...body,
      desk: undefined,
      student: { ...body.student, email: 'Not An Email' },
      documents: [{ kind: 'selfie', sha256: 'abc', size: 0, mediaType: 'image/gif' }],
    }

    const answer = await t.api.create(broken)

    expect(answer.status).toBe(422)
    expect(answer.body['code']).toBe('validation_failed')
    const errors = answer.body['errors'] as { path: string; code: string }[]
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['desk', 'required'],
      ['student.email', 'invalid_format'],
      ['documents[0].sha256', 'invalid_format'],
      ['documents[0].size', 'out_of_range'],
      ['documents[0].kind', 'invalid_value'],
      ['documents[0].mediaType', 'invalid_value'],
    ])
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(0)
  })

  it('answers 422 validation_failed for a body that is not JSON', async () => {
    const clientId = crypto.randomUUID()
    const answer = await t.api.call('POST', '/v1/registrations', {
      headers: { 'content-type': 'application/json', 'idempotency-key': `"${clientId}"` },
      body: '{"clientId":',
    })
    expect(answer.status).toBe(422)
    expect(answer.body['errors']).toEqual([expect.objectContaining({ code: 'invalid_json' })])
  })

  it('answers 413 too_large to a body over 1 MiB, without reading all of it', async () => {
    const body = { ...sampleRegistration([sampleDocument()]), padding: 'x'.repeat(4 * 1024 * 1024) }

    const answer = await t.api.create(body)

    expect(answer.status).toBe(413)
    expect(answer.body['code']).toBe('too_large')
    expect(t.backend.log.at(-1)?.bodyBytes).toBeLessThan(2 * 1024 * 1024)
  })

  it('answers 409 email_taken when another registration holds the address', async () => {
    const first = sampleRegistration([sampleDocument()], 'linh@example.org')
    await t.api.create(first)

    const second = await t.api.create(sampleRegistration([sampleDocument()], 'linh@example.org'))

    expect(second.status).toBe(409)
    expect(second.body['code']).toBe('email_taken')
  })

  it('answers 409 email_taken for an address the test marked as an existing account', async () => {
    t.backend.faults.emailTaken('known@example.org')
    const body = sampleRegistration([sampleDocument()], 'known@example.org')

    expect((await t.api.create(body)).body['code']).toBe('email_taken')
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(0)
  })

  it('answers 409 request_in_progress while the same key is still being received', async () => {
    const body = sampleRegistration([sampleDocument()])
    const text = JSON.stringify(body)
    const slow = openRequest(t.backend, 'POST', '/v1/registrations', {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'idempotency-key': `"${body.clientId}"`,
    })
    slow.req.write(text.slice(0, 10))
    await vi.waitFor(() => expect(t.backend.log).toHaveLength(1))

    const concurrent = await t.api.create(body)
    expect(concurrent.status).toBe(409)
    expect(concurrent.body['code']).toBe('request_in_progress')
    expect(concurrent.headers.get('retry-after')).toBe('1')

    slow.req.end(text.slice(10))
    expect((await slow.answer).status).toBe(201)
    expect((await t.api.create(body)).status).toBe(200)
    expect(t.backend.store.countRegistrations(body.clientId)).toBe(1)
  })

  it('answers 409 request_in_progress while a slow answer for the same key is still on its way', async () => {
    t.backend.faults.add({ kind: 'delay', ms: 1000, phase: 'after', route: 'createRegistration', times: 1 })
    const body = sampleRegistration([sampleDocument()])
    const first = t.api.create(body)
    await vi.waitFor(() => expect(t.backend.store.countRegistrations(body.clientId)).toBe(1))

    expect((await t.api.create(body)).body['code']).toBe('request_in_progress')
    expect((await first).status).toBe(201)
  })
})

describe('GET /v1/registrations/{id}', () => {
  const t = useBackend()

  it('reports the status the back office gave, with its reason', async () => {
    const created = await t.api.create(sampleRegistration([sampleDocument()]))
    const id = String(created.body['id'])
    expect((await t.api.status(id)).body).toEqual({ id, status: 'awaiting_documents', reason: null })

    t.backend.store.setStatus(id, 'rejected', 'Passport scan unreadable')

    expect((await t.api.status(id)).body).toEqual({
      id,
      status: 'rejected',
      reason: 'Passport scan unreadable',
    })
  })

  it('answers 404 for an unknown registration', async () => {
    const answer = await t.api.status(crypto.randomUUID())
    expect(answer.status).toBe(404)
    expect(answer.body['code']).toBe('not_found')
  })
})
