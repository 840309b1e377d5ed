import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { BackendClient } from '../../../electron/core/sync/backend-client'
import { fetchTransport } from '../../../electron/core/sync/fetch-transport'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import { MAX_ANSWER_BYTES, type Transport } from '../../../electron/core/sync/transport'

/** A server on loopback that answers as `listener` says: a portal, a proxy, a server that hangs up. */
async function misbehaving(listener: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const servers: Server[] = []
const transports: Transport[] = []
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
  for (const transport of transports.splice(0)) transport.close()
})

const kinds = {
  'node:http': () => httpTransport({ maxSockets: 2 }),
  'fetch (as net.fetch)': () => fetchTransport(fetch),
}

function clientOf(base: string, make: () => Transport, timeoutMs = 5_000): BackendClient {
  const transport = make()
  transports.push(transport)
  return new BackendClient(
    { base, token: 'token' },
    {
      timeoutMs,
      minUploadBytesPerSecond: 32 * 1024,
      signal: new AbortController().signal,
      now: () => new Date(),
      transport,
    },
  )
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no failure',
    (error: { problem?: { code: string }; name: string }) => error.problem?.code ?? error.name,
  )

describe.each(Object.entries(kinds))('the backend client over %s', (_name, make) => {
  it('calls a refused connection, a reset and a hang-up "network", a silence "timeout"', async () => {
    const closed = await misbehaving(() => {})
    await new Promise<void>((resolve) => closed.server.close(() => resolve()))
    expect(await code(clientOf(closed.url, make).submit('x'))).toBe('network')
    expect(await clientOf(closed.url, make).probe()).toBe('offline')

    const reset = await misbehaving((req) => req.socket.resetAndDestroy())
    expect(await code(clientOf(reset.url, make).submit('x'))).toBe('network')

    const hangUp = await misbehaving((req) => req.socket.destroy())
    expect(await code(clientOf(hangUp.url, make).submit('x'))).toBe('network')

    const silent = await misbehaving(() => {})
    expect(await code(clientOf(silent.url, make, 200).submit('x'))).toBe('timeout')
  })

  it('does not parse a page that is not JSON, and takes a 200 page on the probe for a portal', async () => {
    let parsed = false
    const portal = await misbehaving((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>{"id":"x","missingDocuments":[]}</html>')
      res.once('close', () => (parsed = res.writableFinished))
    })
    expect(await code(clientOf(portal.url, make).createRegistration('x', Buffer.from('{}')))).toBe(
      'unexpected_answer',
    )
    expect(await clientOf(portal.url, make).probe()).toBe('captive_portal')
    expect(parsed).toBe(true)
  })

  it('never reads a huge answer whole: over the cap it stops reading and calls it unexpected', async () => {
    const total = 64 * 1024 * 1024
    let written = 0
    const huge = await misbehaving((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      const piece = Buffer.alloc(64 * 1024, 0x20)
      const more = (): void => {
        while (written < total && !res.destroyed) {
          written += piece.length
          if (!res.write(piece)) return void res.once('drain', more)
        }
        res.end()
      }
      more()
    })
    const answer = await code(clientOf(huge.url, make).submit('x'))
    expect(answer).toBe('unexpected_answer')
    // The socket's buffers hold a few MiB at most; the desk stopped long before the end.
    expect(written).toBeLessThan(total / 4)

    const declared = await misbehaving((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(MAX_ANSWER_BYTES + 1),
      })
      res.write('{')
    })
    expect(await code(clientOf(declared.url, make).submit('x'))).toBe('unexpected_answer')
  })

  it('keeps nothing of an answer beyond the contract: ids, statuses, lists and dates held to it', async () => {
    const answering = (json: unknown, status = 200) =>
      misbehaving((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(json))
      })
    const create = async (json: unknown) =>
      clientOf((await answering(json)).url, make).createRegistration('x', Buffer.from('{}'))
    const sha256 = 'ab'.repeat(32)

    // An id that quotes the student, or is huge, would be kept for as long as the record's receipt.
    const quoting = { id: `Nguyen-Linh-linh.nguyen@example.org-${'x'.repeat(200_000)}`, missingDocuments: [] }
    expect(await code(create(quoting))).toBe('unexpected_answer')
    expect(await code(create({ id: 'r-1', missingDocuments: ['../../etc/passwd'] }))).toBe(
      'unexpected_answer',
    )
    // A scan listed 3,000 times is asked for once.
    expect(await create({ id: 'r-1', missingDocuments: Array(3_000).fill(sha256.toUpperCase()) })).toEqual({
      id: 'r-1',
      missingDocuments: [sha256],
    })
    const refused = await answering(
      { code: 'documents_missing', missingDocuments: Array(3_000).fill(sha256) },
      409,
    )
    await expect(clientOf(refused.url, make).submit('r-1')).rejects.toMatchObject({
      missingDocuments: [sha256],
    })

    const saying = await answering({
      id: 'r-1',
      status: 'rejected: NGUYEN Linh, born 2005-04-17',
      reason: 'Linh',
    })
    expect(await clientOf(saying.url, make).registrationStatus('r-1')).toEqual({ status: 'other' })
    // A submit counts only as the contract answers it: a status of a submitted registration, this id.
    expect(await code(clientOf(saying.url, make).submit('r-1'))).toBe('unexpected_answer')
    const verified = await answering({ id: 'r-1', status: 'verified', reason: 'NGUYEN Linh' })
    expect(await clientOf(verified.url, make).registrationStatus('r-1')).toEqual({ status: 'verified' })
    expect(await clientOf(verified.url, make).submit('r-1')).toBe('verified')
    const submit = async (json: unknown) => clientOf((await answering(json)).url, make).submit('r-1')
    for (const notSubmitted of [
      {},
      { status: 'ok' },
      { id: 'r-2', status: 'submitted', accountEmailSent: true },
      { id: 'r-1', status: 'awaiting_documents', missingDocuments: [] },
    ])
      expect(await code(submit(notSubmitted))).toBe('unexpected_answer')

    const confirm = async (json: unknown) =>
      clientOf((await answering(json)).url, make).confirmCode('v-1', 'ABCDEF')
    expect(await code(confirm({ id: 'v-1', verifiedAt: 'Linh, tomorrow' }))).toBe('unexpected_answer')
    expect(await code(confirm({ id: 'v-2', verifiedAt: '2026-09-02T09:14:03Z' }))).toBe('unexpected_answer')
    expect(await confirm({ id: 'v-1', verifiedAt: '2026-09-02T09:14:03.120+02:00' })).toEqual({
      id: 'v-1',
      verifiedAt: '2026-09-02T09:14:03.120+02:00',
    })
  })

  it('lets a bug in the piece below go up as what it is, never as offline', async () => {
    const bug = new RangeError('a bug in the transport')
    const client = new BackendClient(
      { base: 'http://127.0.0.1:9', token: 'token' },
      {
        timeoutMs: 1_000,
        minUploadBytesPerSecond: 1,
        signal: new AbortController().signal,
        now: () => new Date(),
        transport: {
          request: () => Promise.reject(bug),
          close: () => {},
        },
      },
    )
    await expect(client.submit('x')).rejects.toBe(bug)
    await expect(client.probe()).rejects.toBe(bug)
  })
})
