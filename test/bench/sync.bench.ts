import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fetchTransport } from '../../electron/core/sync/fetch-transport'
import { attachFile } from '../../electron/core/registrations/attach'
import { dataKey } from '../../electron/core/secrets'
import { largePdf } from '../fixtures/documents/corpus'
import { cleanup, studentForm, tempDir } from '../core/sync/desk'
import { defineBench, spread, type Row } from './bench'
import { seedQueue } from './seed-queue'
import { memorySecrets } from './memory-secrets'
import { desk } from './sync/bench-desk'
import { RemoteBackend } from './sync/remote-backend'
import { sizeCase, smallRecordsCase } from './sync/throughput'

/**
 * Document sizes of real scans (not powers of two) and how many records make a round of 15 to 55 MB;
 * each is the median of SIZE_ROUNDS rounds.
 */
const SIZE_CASES = [
  { documentBytes: 204_321, records: 40 },
  { documentBytes: 1_312_345, records: 16 },
  { documentBytes: 2_712_345, records: 8 },
  { documentBytes: 6_812_345, records: 4 },
]
const SIZE_ROUNDS = 3
const SMALL_RECORDS = 1_000
const ENQUEUE_RUNS = 20
const LIST_RECORDS = 10_000
const LIST_RUNS = 50

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
  title: 'Sync to the reference backend in its own process, enqueue, queue screen',
  async run() {
    const dir = tempDir('guichet-bench-sync-')
    const remote = await RemoteBackend.start()
    try {
      const rows: Row[] = []
      for (const { documentBytes, records } of SIZE_CASES) {
        rows.push(await sizeCase(remote, dir, { documentBytes, records, rounds: SIZE_ROUNDS }))
      }
      rows.push(
        await sizeCase(remote, dir, {
          ...SIZE_CASES[2]!,
          rounds: SIZE_ROUNDS,
          transport: () => fetchTransport(fetch),
          label: ', over fetch (as net.fetch)',
        }),
      )
      rows.push(await smallRecordsCase(remote, dir, { records: SMALL_RECORDS }))
      return [...rows, await enqueue(dir), ...(await firstPage(dir))]
    } finally {
      remote.stop()
      cleanup(dir)
    }
  },
})
