import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AuditLog } from '../../electron/core/audit/audit-log'
import { openDatabase } from '../../electron/core/db/open'
import { defineBench, expectOutcome, ms, timed } from './bench'

const ENTRIES = 100_000
/** Appended one transaction each, as the app does; a loaded disk makes each take milliseconds. */
const SINGLE = 2_000

/**
 * The audit log at a busy desk's scale: 2,000 entries appended one transaction each (as the app
 * does), 98,000 more seeded, the whole chain of 100,000 verified, half of it pruned to a checkpoint,
 * verified again. Each figure counts only if the chain verifies with the expected number of entries.
 */
export default defineBench({
  title: `Audit log: ${ENTRIES.toLocaleString('en')} entries on a SQLite file`,
  run() {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-audit-'))
    const db = openDatabase(join(dir, 'guichet.sqlite'))
    try {
      let now = Date.parse('2026-09-02T08:00:00Z')
      const audit = new AuditLog(
        db,
        randomBytes(32),
        () => new Date(now),
        () => 'operator:op-bench1',
      )
      const record = (i: number) => {
        now += 1_000
        audit.record({ action: i % 2 ? 'document_viewed' : 'registration_queued', subject: `G-${i}` })
      }
      // Appends as the app makes them, one transaction (and one fsync) each; then the rest seeded in one.
      const append = timed(() => {
        for (let i = 0; i < SINGLE; i++) record(i)
      })
      db.transaction(() => {
        for (let i = SINGLE; i < ENTRIES; i++) record(i)
      })()
      let verdict = audit.verify()
      const verify = timed(() => (verdict = audit.verify()))
      expectOutcome(
        verdict.ok && verdict.entries === ENTRIES,
        `the chain of ${ENTRIES} entries did not verify`,
      )
      const half = new Date(Date.parse('2026-09-02T08:00:00Z') + (ENTRIES / 2) * 1_000 + 500)
      let pruned = 0
      const prune = timed(() => (pruned = audit.prune(half, () => false)))
      const after = audit.verify()
      expectOutcome(
        pruned === ENTRIES / 2 && after.ok && after.entries === ENTRIES / 2,
        'pruning half the log left a chain that does not verify from its checkpoint',
      )
      return [
        {
          case: `append ${SINGLE}, one transaction each`,
          figure: ms(append),
          per: `${((append / SINGLE) * 1000).toFixed(1)} µs`,
        },
        {
          case: 'verify the whole chain',
          figure: ms(verify),
          per: `${((verify / ENTRIES) * 1000).toFixed(1)} µs`,
        },
        { case: `prune ${ENTRIES / 2} + checkpoint (verifies first)`, figure: ms(prune), per: '' },
      ]
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
