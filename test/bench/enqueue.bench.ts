import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { open as openFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../../electron/core/core'
import { seal } from '../../electron/core/crypto/aead'
import { attachFile } from '../../electron/core/registrations/attach'
import { memorySecrets } from './memory-secrets'
import { largePdf } from '../fixtures/documents/corpus'
import { resourcesDir, studentForm } from '../core/sync/desk'
import { defineBench, expectOutcome, quantile, versus, type Row } from './bench'

const RUNS = 30
/** A phone-scanned passport page and a scanned enrolment certificate, at sizes a desk sees. */
const SIZES = [1_312_345, 2_712_345]

/** What no storage of these bytes can avoid: hash, encrypt, write and flush each to its own new file. */
async function physicalFloor(dir: string, contents: readonly Buffer[], key: Buffer): Promise<number> {
  const paths = contents.map(() => join(dir, `${randomUUID()}.floor`))
  const start = performance.now()
  for (const [i, bytes] of contents.entries()) {
    createHash('sha256').update(bytes).digest('hex')
    const handle = await openFile(paths[i] ?? '', 'wx', 0o600)
    try {
      await handle.writeFile(seal(key, bytes))
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
  const took = performance.now() - start
  for (const path of paths) rmSync(path)
  return took
}

/**
 * What the agent waits for per student: the two scans taken in (inspected, hashed, encrypted, flushed,
 * their rows committed) and the registration queued, against the physical floor of the same bytes,
 * both measured alternately in this run.
 */
export default defineBench({
  title: `Enqueue: a registration with two PDFs (${SIZES.map((s) => s.toLocaleString('en')).join(' + ')} B), ${RUNS} runs`,
  async run(): Promise<Row[]> {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-enqueue-'))
    const core = await openCore({
      dataDir: join(dir, 'desk'),
      host: 'web',
      version: 'bench',
      resourcesDir,
      secrets: memorySecrets(),
    })
    try {
      const files = await Promise.all(
        SIZES.map(async (size, i) => {
          const path = join(dir, `scan-${i}.pdf`)
          writeFileSync(path, await largePdf(size))
          return path
        }),
      )
      const contents = files.map((file) => readFileSync(file))
      const key = randomBytes(32)
      const enqueue: number[] = []
      const floor: number[] = []
      for (let run = 0; run < RUNS; run++) {
        floor.push(await physicalFloor(dir, contents, key))
        const clientId = randomUUID()
        const start = performance.now()
        await attachFile(core, clientId, 'identity', files[0] ?? '')
        await attachFile(core, clientId, 'enrollment', files[1] ?? '')
        await core.registrations.submit(
          clientId,
          studentForm(),
          { id: 'bench-desk', event: '', operator: '' },
          core.reference.context(core.now()),
        )
        enqueue.push(performance.now() - start)
        expectOutcome(core.outbox.stateOf(clientId) === 'queued', 'the registration is queued')
      }
      const stored = core.db.prepare('SELECT count(*) FROM documents').pluck().get()
      expectOutcome(stored === RUNS * 2, `${RUNS * 2} documents stored`)
      const bytes = contents.reduce((sum, c) => sum + c.length, 0)
      const floorLabel = `sha256 + AES-GCM + write + fsync of the ${bytes.toLocaleString('en')} B`
      return [
        versus(
          'enqueue p95',
          { value: quantile(enqueue, 0.95) },
          { label: `${floorLabel}, p95`, value: quantile(floor, 0.95) },
        ),
        versus(
          'enqueue median',
          { value: quantile(enqueue, 0.5) },
          { label: `${floorLabel}, median`, value: quantile(floor, 0.5) },
        ),
      ]
    } finally {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
