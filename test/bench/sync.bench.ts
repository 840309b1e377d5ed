import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore, type Core } from '../../electron/core/core'
import { defaultTuning } from '../../electron/core/sync/engine'
import { attachFile } from '../../electron/core/registrations/attach'
import { dataKey, type SecretStore } from '../../electron/core/secrets'
import { createBackend } from '../backend/server'
import { largePdf } from '../fixtures/documents/corpus'
import { cleanup, queueOne, resourcesDir, studentForm, tempDir } from '../core/sync/desk'
import { defineBench, ms, spread, type Row } from './bench'
import { seedQueue } from './seed-queue'

/** Records and document size per throughput case: tiny scans show the per-record cost, big ones the bytes'. */
const THROUGHPUT_CASES = [
  { records: 40, documentBytes: 1024 * 1024 },
  { records: 40, documentBytes: 16 * 1024 },
  { records: 20, documentBytes: 3 * 1024 * 1024 },
]
const THROUGHPUT_ROUNDS = 5
const ENQUEUE_RUNS = 20
const LIST_RECORDS = 10_000
const LIST_RUNS = 50

/** The keychain is not what is measured, and `npm run bench` runs outside a keyring session. */
function memorySecrets(): SecretStore {
  const values = new Map<string, string>()
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
  }
}

async function desk(
  dataDir: string,
  secrets: SecretStore,
  backend?: { url: string; token: string },
): Promise<Core> {
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'bench',
    resourcesDir,
    secrets,
    ...(backend && { backend }),
  })
  core.settings.update({ deskId: 'bench-desk' })
  return core
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${bytes / 1024} KiB` : `${bytes / 1024 / 1024} MiB`)
const perSecond = (count: number, millis: number) => (count / (millis / 1000)).toFixed(1)
const mbPerSecond = (bytes: number, millis: number) => (bytes / 1024 / 1024 / (millis / 1000)).toFixed(1)

/** One round: sync of `records` records with two documents each, then the same bytes PUT raw, as many at a time as the sync sends records. */
async function syncAndRaw(
  dir: string,
  records: number,
  documentBytes: number,
): Promise<{ syncMs: number; rawMs: number; bytes: number }> {
  const backend = await createBackend()
  const core = await desk(join(dir, `throughput-${records}-${randomUUID()}`), memorySecrets(), backend)
  try {
    const identity = join(dir, 'identity.pdf')
    const enrollment = join(dir, 'enrollment.pdf')
    writeFileSync(identity, await largePdf(documentBytes))
    writeFileSync(enrollment, await largePdf(documentBytes))
    for (let i = 0; i < records; i++) await queueOne(core, { identity, enrollment })
    const documents = core.db.prepare('SELECT id FROM documents').pluck().all() as string[]
    const payloads = await Promise.all(documents.map((id) => core.vault.read(id)))
    const bytes = payloads.reduce((sum, b) => sum + b.length, 0)

    const syncStart = performance.now()
    await core.sync.drain()
    const syncMs = performance.now() - syncStart

    const raw = createServer((req, res) => {
      req.resume().on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end('{}'))
    })
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/raw`
    const queue = [...payloads]
    const rawStart = performance.now()
    await Promise.all(
      Array.from({ length: defaultTuning.inFlight }, async () => {
        for (let body = queue.shift(); body; body = queue.shift()) {
          const response = await fetch(url, { method: 'PUT', body: new Uint8Array(body) })
          await response.arrayBuffer()
        }
      }),
    )
    const rawMs = performance.now() - rawStart
    raw.close()
    return { syncMs, rawMs, bytes }
  } finally {
    core.close()
    await backend.close()
  }
}

/** The median of THROUGHPUT_ROUNDS rounds: one round lasts well under a second, too short to trust alone. */
async function throughput(dir: string, records: number, documentBytes: number): Promise<Row[]> {
  const rounds = []
  for (let i = 0; i < THROUGHPUT_ROUNDS; i++) rounds.push(await syncAndRaw(dir, records, documentBytes))
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  const syncMs = median(rounds.map((r) => r.syncMs))
  const rawMs = median(rounds.map((r) => r.rawMs))
  const bytes = rounds[0]!.bytes
  return [
    {
      case: `sync ${records} records, 2 × ${size(documentBytes)} each (median of ${rounds.length})`,
      time: ms(syncMs),
      'records/s': perSecond(records, syncMs),
      'MB/s': mbPerSecond(bytes, syncMs),
    },
    { case: '  raw HTTP PUT of the same bytes', time: ms(rawMs), 'MB/s': mbPerSecond(bytes, rawMs) },
    { case: '  ratio sync / raw (MB/s)', ratio: (rawMs / syncMs).toFixed(2) },
  ]
}

/** What the agent waits for on "Submit": two 3 MB PDFs attached (inspected, encrypted, fsynced) and the record queued. */
async function enqueue(dir: string): Promise<Row> {
  const core = await desk(join(dir, 'enqueue'), memorySecrets())
  try {
    const identity = join(dir, 'identity-3mb.pdf')
    const enrollment = join(dir, 'enrollment-3mb.pdf')
    writeFileSync(identity, await largePdf(3_000_000))
    writeFileSync(enrollment, await largePdf(3_000_000))
    const samples: number[] = []
    for (let i = 0; i < ENQUEUE_RUNS; i++) {
      const start = performance.now()
      const clientId = randomUUID()
      await attachFile(core, clientId, 'identity', identity)
      await attachFile(core, clientId, 'enrollment', enrollment)
      await core.registrations.submit(
        clientId,
        studentForm(),
        { id: 'bench-desk', event: '', operator: '' },
        core.reference.context(core.now()),
      )
      samples.push(performance.now() - start)
    }
    return { case: 'enqueue with two 3 MB PDFs', ...spread(samples) }
  } finally {
    core.close()
  }
}

/** The queue screen's first page with a full database: each row of the page is decrypted. */
async function firstPage(dir: string): Promise<Row[]> {
  const dataDir = join(dir, 'list')
  const secrets = memorySecrets()
  const core = await desk(dataDir, secrets)
  try {
    const key = await dataKey(secrets, core.appInfo.dataDir)
    seedQueue(core, key, LIST_RECORDS)
    const samples = Array.from({ length: LIST_RUNS }, () => {
      const start = performance.now()
      core.outbox.list({ state: null, after: null, limit: 50 })
      return performance.now() - start
    })
    const counts = Array.from({ length: LIST_RUNS }, () => {
      const start = performance.now()
      core.outbox.counts()
      return performance.now() - start
    })
    return [
      { case: `queue first page (50 of ${LIST_RECORDS})`, ...spread(samples) },
      { case: `queue counts (${LIST_RECORDS})`, ...spread(counts) },
    ]
  } finally {
    core.close()
  }
}

export default defineBench({
  title: 'Sync to the reference backend on loopback, enqueue, queue screen',
  async run() {
    const dir = tempDir('guichet-bench-sync-')
    try {
      const rows: Row[] = []
      for (const { records, documentBytes } of THROUGHPUT_CASES) {
        rows.push(...(await throughput(dir, records, documentBytes)))
      }
      return [...rows, await enqueue(dir), ...(await firstPage(dir))]
    } finally {
      cleanup(dir)
    }
  },
})
