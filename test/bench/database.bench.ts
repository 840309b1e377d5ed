import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../electron/core/core'
import { migrations } from '../../electron/core/db/migrations'
import { dataKey, type SecretStore } from '../../electron/core/secrets'
import { memorySecrets } from './memory-secrets'
import { resourcesDir } from '../core/sync/desk'
import { defineBench, expectOutcome, quantile, samples, timed, versus, type Row } from './bench'
import { seedQueue } from './seed-queue'

const RECORDS = 100_000
const RUNS = 15

const open = (dataDir: string, secrets: SecretStore) =>
  openCore({ dataDir, host: 'web', version: 'bench', resourcesDir, secrets })

/** The core's open is synchronous past the keychain: timed from the call to the promise's end. */
async function timedOpen(dataDir: string, secrets: SecretStore): Promise<{ core: Core; took: number }> {
  const start = process.hrtime.bigint()
  const core = await open(dataDir, secrets)
  return { core, took: Number(process.hrtime.bigint() - start) / 1e6 }
}

/**
 * What a desk pays at start with a full outbox: the core opened on a 100,000-record database (SQLite
 * open and checks, migrations, reference lists, orphan sweep), against the floor of opening that file
 * at all (better-sqlite3 open, one read).
 */
export default defineBench({
  title: `Desk start on a ${RECORDS.toLocaleString('en')}-record database (${migrations.length} migrations, WAL, synchronous=FULL), median of ${RUNS}`,
  async run(): Promise<Row[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-db-'))
    try {
      const secrets = memorySecrets()
      const first = await timedOpen(dataDir, secrets)
      // The key the core made for this folder seals the rows, as on a desk.
      seedQueue(first.core, await dataKey(secrets, first.core.appInfo.dataDir), RECORDS)
      first.core.close()

      const file = join(dataDir, 'guichet.sqlite')
      const bare = samples(RUNS, () => {
        const db = new Database(file)
        db.pragma('user_version', { simple: true })
        db.close()
      })
      const opens: number[] = []
      const firstUses: number[] = []
      const afterCrash: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const { core, took } = await timedOpen(dataDir, secrets)
        opens.push(took)
        firstUses.push(
          timed(() => expectOutcome(core.reference.postalCodes.has('75005'), 'the reference lists answer')),
        )
        const counts = core.outbox.counts()
        expectOutcome(
          Object.values(counts).reduce((a, b) => a + b, 0) === RECORDS,
          `the reopened queue holds the ${RECORDS} records`,
        )
        core.close()
        if (run % 2 === 0) {
          // As a crash leaves it: the session never said it ended.
          const raw = new Database(file)
          raw.prepare("DELETE FROM settings WHERE key = 'closed_cleanly'").run()
          raw.close()
          const crashed = await timedOpen(dataDir, secrets)
          afterCrash.push(crashed.took)
          crashed.core.close()
        }
      }
      const floor = { label: 'bare better-sqlite3 open + one read', value: quantile(bare, 0.5) }
      return [
        versus('first start: new folder, every migration', { value: first.took }, floor),
        versus('start after a clean quit (median)', { value: quantile(opens, 0.5) }, floor),
        versus('start after a crash (integrity checked)', { value: quantile(afterCrash, 0.5) }, floor),
        versus('first use of the reference lists after start', { value: quantile(firstUses, 0.5) }, floor),
      ]
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})
