import { describe, expect, it } from 'vitest'
import { openRequest } from './api'
import { contentDigest, sampleDocument, sampleRegistration, type SampleDocument } from './fixtures'
import { useBackend } from './use-backend'

describe('PUT /v1/registrations/{id}/documents/{sha256}', () => {
  const t = useBackend()

  async function registered(...documents: SampleDocument[]): Promise<string> {
    const answer = await t.api.create(sampleRegistration(documents))
    return String(answer.body['id'])
  }

  it('stores the bytes with 201, then answers 200 to the same upload', async () => {
    const doc = sampleDocument('identity', 'image/jpeg')
    const id = await registered(doc)

    const first = await t.api.upload(id, doc)
    const again = await t.api.upload(id, doc)

    expect(first.status).toBe(201)
    expect(first.body).toEqual({ sha256: doc.declared.sha256, stored: true })
    expect(again.status).toBe(200)
    expect(t.backend.store.storedDocuments(id)).toEqual([doc.declared.sha256])
    expect(t.backend.store.registration(id)?.files.get(doc.declared.sha256)?.equals(doc.bytes)).toBe(true)
  })

  it('answers 404 for an unknown registration or a sha256 it did not declare', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)

    expect((await t.api.upload(crypto.randomUUID(), doc)).status).toBe(404)
    const undeclared = await t.api.upload(id, sampleDocument())
    expect(undeclared.status).toBe(404)
    expect(undeclared.body['code']).toBe('not_found')
  })

  it('answers 415 for a Content-Type other than the declared one', async () => {
    const doc = sampleDocument('identity', 'application/pdf')
    const id = await registered(doc)

    for (const contentType of ['image/png', 'application/octet-stream']) {
      const answer = await t.api.upload(id, doc, { 'content-type': contentType })
      expect(answer.status).toBe(415)
      expect(answer.body['code']).toBe('unsupported_media_type')
    }
    expect((await t.api.upload(id, doc, { 'content-type': 'Application/PDF; name=x' })).status).toBe(201)
  })

  it('answers 400 digest_mismatch when Content-Digest is absent, malformed or for other bytes', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)
    const otherDigest = contentDigest(Buffer.from('something else'))

    for (const digest of ['', `sha-256=${doc.declared.sha256}`, 'sha-512=:AAAA:', otherDigest]) {
      const answer = await t.api.upload(id, doc, { 'content-digest': digest })
      expect(answer.status).toBe(400)
      expect(answer.body['code']).toBe('digest_mismatch')
    }
    expect(t.backend.store.storedDocuments(id)).toEqual([])
  })

  it('accepts a Content-Digest that also carries other algorithms', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)
    const digest = `unixsum=:AAAA:, ${contentDigest(doc.bytes)}`
    expect((await t.api.upload(id, doc, { 'content-digest': digest })).status).toBe(201)
  })

  it('answers 400 digest_mismatch when the bytes are not the ones of the URL', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)
    const tampered = Buffer.from(doc.bytes)
    tampered[0] = (tampered[0] ?? 0) ^ 0xff

    const sameHeaders = await t.api.upload(id, doc, { 'content-digest': contentDigest(doc.bytes) }, tampered)
    const honestHeaders = await t.api.upload(id, doc, {}, tampered)
    const shorter = await t.api.upload(id, doc, {}, doc.bytes.subarray(1))

    expect([sameHeaders.status, honestHeaders.status, shorter.status]).toEqual([400, 400, 400])
    expect(t.backend.store.storedDocuments(id)).toEqual([])
  })

  it('answers 413 from the headers alone, before reading the body', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)
    const declaredLength = 11 * 1024 * 1024

    const upload = openRequest(t.backend, 'PUT', `/v1/registrations/${id}/documents/${doc.declared.sha256}`, {
      'content-type': 'application/pdf',
      'content-length': String(declaredLength),
      'content-digest': contentDigest(doc.bytes),
    })
    // Only a first slice is ever sent: the answer must come without the other 10 MiB.
    upload.req.write(Buffer.alloc(64 * 1024))

    const { status, body } = await upload.answer
    upload.req.destroy()
    expect(status).toBe(413)
    expect(JSON.parse(body)).toMatchObject({ code: 'too_large' })
    expect(t.backend.log.at(-1)).toMatchObject({ route: 'uploadDocument', status: 413, bodyBytes: 0 })
  })

  it('answers 411 length_required to an upload without Content-Length', async () => {
    const doc = sampleDocument()
    const id = await registered(doc)
    const upload = openRequest(t.backend, 'PUT', `/v1/registrations/${id}/documents/${doc.declared.sha256}`, {
      'content-type': 'application/pdf',
      'content-digest': contentDigest(doc.bytes),
    })
    // write() before end(): Node then sends the body chunked, without a length.
    upload.req.write(doc.bytes)
    upload.req.end()

    const { status, body } = await upload.answer
    expect(status).toBe(411)
    expect(JSON.parse(body)).toMatchObject({ code: 'length_required' })
  })
})

describe('a backend with a smaller document limit', () => {
  const t = useBackend({ limits: { documentBytes: 1000 } })

  it('refuses to register a document declared over the limit', async () => {
    const answer = await t.api.create(
      sampleRegistration([sampleDocument('identity', 'application/pdf', 1001)]),
    )
    expect(answer.status).toBe(422)
    expect(answer.body['errors']).toEqual([expect.objectContaining({ path: 'documents[0].size' })])
  })
})
