import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import type { RequestBody, Transport } from '../../../electron/core/sync/transport'
import { cleanup, tempDir } from './desk'

/**
 * A backend whose certificate only the desk's administrator trusts (an institution's own authority,
 * installed in the OS): the desk reaches it when that authority is given, from the sync's thread and
 * from the upload thread alike, and refuses it as a network failure otherwise.
 */
const tls = join(import.meta.dirname, '../../fixtures/tls')
const cert = readFileSync(join(tls, 'loopback-cert.pem'), 'utf8')
let server: Server
let url = ''
let dir = ''
let vault: DocumentVault

beforeAll(async () => {
  dir = tempDir()
  vault = new DocumentVault(join(dir, 'documents'), randomBytes(32))
  server = createServer({ key: readFileSync(join(tls, 'loopback-key.pem')), cert }, (req, res) => {
    const hash = createHash('sha256')
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      bytes += chunk.length
    })
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ bytes, sha256: hash.digest('hex') }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1/registrations/r/documents/x`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
  cleanup(dir)
})

/** A scan in the vault, as the sync sends it: bytes for a small one, the sealed file for a larger one. */
async function scan(size: number): Promise<{ body: RequestBody; sha256: string }> {
  const bytes = randomBytes(size)
  const id = await vault.put(bytes)
  return {
    body: await vault.outgoing({ id, size }),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  }
}

const put = (transport: Transport, body: RequestBody) =>
  transport.request({
    method: 'PUT',
    url,
    headers: { 'content-type': 'application/pdf' },
    body,
    timeoutMs: 10_000,
    signal: new AbortController().signal,
  })

describe.each([
  ['a small scan, sent from the sync’s thread', 4_321],
  ['a 1.3 MB scan, sent from the upload thread', 1_312_345],
])('https to a backend certified by an authority of its own: %s', (_name, size) => {
  it('is sent whole when the desk is given that authority', async () => {
    const trusting = httpTransport({ maxSockets: 2, ca: [cert] })
    try {
      const { body, sha256 } = await scan(size)
      const answer = await put(trusting, body)
      expect(answer.status).toBe(200)
      expect(JSON.parse(answer.json!.toString())).toEqual({ bytes: size, sha256 })
    } finally {
      trusting.close()
    }
  })

  it('is refused as a network failure, the certificate named, when it is not', async () => {
    const wary = httpTransport({ maxSockets: 2 })
    try {
      const { body } = await scan(size)
      await expect(put(wary, body)).rejects.toMatchObject({
        name: 'NetworkFailure',
        kind: 'network',
        cause: expect.stringMatching(/CERT/),
      })
    } finally {
      wary.close()
    }
  })
})
