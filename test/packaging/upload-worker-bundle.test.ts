import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterEach, expect, it } from 'vitest'
import { DocumentVault } from '../../electron/core/documents/vault'
import type { FromUploadThread, ToUploadThread } from '../../electron/core/sync/upload-messages'
import { cleanup, tempDir } from '../core/sync/desk'
import { ensureBuilt, projectDir } from './project'

let dir: string | undefined
afterEach(() => dir && cleanup(dir))

it("runs the upload thread from the app's bundle: a sealed scan reaches the server whole", async () => {
  ensureBuilt()
  dir = tempDir('guichet-bundle-')
  const vault = new DocumentVault(dir, randomBytes(32))
  const scan = randomBytes(1_312_345)
  const sealed = await vault.outgoing({ id: await vault.put(scan), size: scan.length })
  // Over 256 KiB, the vault hands the scan over unread, for the upload thread to read.
  expect(Buffer.isBuffer(sealed)).toBe(false)
  const received: Buffer[] = []
  const server = createServer((req: IncomingMessage, res) => {
    req.on('data', (chunk: Buffer) => received.push(chunk))
    req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"stored":true}'))
  }).listen(0, '127.0.0.1')
  await once(server, 'listening')
  const worker = new Worker(pathToFileURL(join(projectDir, 'out/main/upload-worker.js')), {
    workerData: { maxSockets: 1 },
  })
  try {
    const message: ToUploadThread = {
      type: 'upload',
      id: 1,
      request: {
        method: 'PUT',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scan`,
        headers: { 'content-type': 'application/pdf' },
        timeoutMs: 10_000,
      },
      sealed: sealed as Exclude<typeof sealed, Buffer>,
    }
    worker.postMessage(message)
    const answered = new Promise<FromUploadThread>((resolve) =>
      worker.on('message', (m: FromUploadThread) => m.type !== 'progress' && resolve(m)),
    )
    expect(await answered).toMatchObject({ type: 'answer', status: 201 })
    expect(Buffer.concat(received).equals(scan)).toBe(true)
  } finally {
    await worker.terminate()
    server.close()
  }
})

it("finds the upload thread's script beside every built file that starts it", () => {
  ensureBuilt()
  const main = join(projectDir, 'out/main')
  const starters = readdirSync(main).filter(
    (name) => name.endsWith('.js') && readFileSync(join(main, name), 'utf8').includes('upload-worker.js'),
  )
  expect(starters.length).toBeGreaterThan(0)
  // The starter names the script beside itself (see upload-thread.ts): no chunk may sit in a subfolder.
  expect(readdirSync(main, { withFileTypes: true }).filter((e) => e.isDirectory())).toEqual([])
  expect(existsSync(join(main, 'upload-worker.js'))).toBe(true)
})
