import { describe, expect, it } from 'vitest'
import { sampleDocument, sampleRegistration } from './fixtures'
import { useBackend } from './use-backend'

describe('POST /v1/registrations/{id}/submit', () => {
  const t = useBackend()

  it('answers 409 documents_missing with the list until every document is stored, then 200', async () => {
    const identity = sampleDocument('identity')
    const enrollment = sampleDocument('enrollment')
    const created = await t.api.create(sampleRegistration([identity, enrollment]))
    const id = String(created.body['id'])

    const early = await t.api.submit(id)
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({
      code: 'documents_missing',
      missingDocuments: [identity.declared.sha256, enrollment.declared.sha256],
    })

    await t.api.upload(id, identity)
    expect((await t.api.submit(id)).body['missingDocuments']).toEqual([enrollment.declared.sha256])

    await t.api.upload(id, enrollment)
    const submitted = await t.api.submit(id)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toEqual({ id, status: 'submitted', accountEmailSent: true })
    expect((await t.api.status(id)).body['status']).toBe('submitted')
  })

  it('is idempotent: submitting again answers 200 again', async () => {
    const doc = sampleDocument()
    const body = sampleRegistration([doc])
    const id = String((await t.api.create(body)).body['id'])
    await t.api.upload(id, doc)

    expect((await t.api.submit(id)).status).toBe(200)
    expect((await t.api.submit(id)).status).toBe(200)
    expect((await t.api.create(body)).body).toEqual({ id, status: 'submitted', missingDocuments: [] })
  })

  it('answers 404 for an unknown registration', async () => {
    expect((await t.api.submit(crypto.randomUUID())).status).toBe(404)
  })
})
