import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../electron/core/db/open'
import { migrations } from '../../electron/core/db/migrations'
import { defineBench, spread, timed } from './bench'

const RUNS = 50

/** What a desk pays at start-up: the first start (every migration) and every start after it. */
export default defineBench({
  title: `SQLite open (${migrations.length} migrations, WAL, synchronous=FULL)`,
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-db-'))
    try {
      const openAndClose = (file: string) => {
        let db: ReturnType<typeof openDatabase> | undefined
        const took = timed(() => {
          db = openDatabase(file)
        })
        db?.close()
        return took
      }
      const fresh = Array.from({ length: RUNS }, (_, i) => openAndClose(join(dir, `fresh-${i}.sqlite`)))
      const existing = join(dir, 'existing.sqlite')
      openAndClose(existing)
      const reopen = Array.from({ length: RUNS }, () => openAndClose(existing))
      return [
        { case: 'new file: create + migrate', ...spread(fresh) },
        { case: 'existing file: reopen', ...spread(reopen) },
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
