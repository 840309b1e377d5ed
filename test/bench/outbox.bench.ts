import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../electron/core/db/open'
import { Outbox } from '../../electron/core/outbox/outbox'
import { defineBench, expectOutcome, quantile, samples, versus, type Row } from './bench'
import { SEED_START, seedQueue } from './seed-queue'
import { claimOne } from '../core/outbox/claim-one'

const SMALL = 1_000
const LARGE = 100_000
const RUNS = 30
const PAGE = 50

interface Operation {
  name: string
  /** Prepares what the runs need and checks that the operation does its work, before any timing. */
  setup(outbox: Outbox, db: ReturnType<typeof openDatabase>): (run: number) => void
}

/** A page marker deep in the list: the one the screen holds after scrolling down to `depth`. */
function markerAt(db: ReturnType<typeof openDatabase>, depth: number, state: string | null): string {
  return db
    .prepare(
      `SELECT captured_at || '|' || client_id FROM registrations WHERE state != 'draft' AND (? IS NULL OR state = ?)
       ORDER BY captured_at DESC, client_id DESC LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(state, state, depth) as string
}

const operations: Operation[] = [
  {
    name: 'claim the next due record (then release it)',
    setup: (outbox) => {
      expectOutcome(claimOne(outbox, [], 'bench-desk'), 'a record is claimed')
      outbox.recover()
      return () => {
        const claimed = claimOne(outbox, [], 'bench-desk')
        if (claimed) outbox.release(claimed.clientId)
      }
    },
  },
  {
    name: 'next due time and "anything due now?"',
    setup: (outbox) => {
      expectOutcome(outbox.nextDueAt() && outbox.hasDueNow(), 'records are due')
      return () => {
        outbox.nextDueAt()
        outbox.hasDueNow()
      }
    },
  },
  {
    name: 'counts per state',
    setup: (outbox, db) => {
      const total = db.prepare("SELECT count(*) FROM registrations WHERE state != 'draft'").pluck().get()
      const counts = outbox.counts()
      expectOutcome(
        Object.values(counts).reduce((a, b) => a + b, 0) === total,
        `counts add up to ${String(total)}`,
      )
      return () => outbox.counts()
    },
  },
  {
    name: 'purge past retention (steady state: nothing left to purge)',
    setup: (outbox) => {
      expectOutcome(outbox.purgeExpired(30) > 0, 'records past retention are purged')
      expectOutcome(outbox.purgeExpired(30) === 0, 'a second purge finds nothing')
      return () => outbox.purgeExpired(30)
    },
  },
  {
    name: 'status refresh: the 20 least recently checked',
    setup: (outbox) => {
      const before = new Date(SEED_START)
      expectOutcome(outbox.toRefresh(before, 20).length === 20, '20 records to refresh')
      return () => outbox.toRefresh(before, 20)
    },
  },
  ...(
    [
      ['queue page: first', null, false],
      ['queue page: deep (by cursor, the last pages)', null, true],
      ['queue page: filtered (needs attention), first', 'needs_attention', false],
      ['queue page: filtered (needs attention), deep', 'needs_attention', true],
    ] as const
  ).map(([name, state, deep]): Operation => ({
    name,
    setup: (outbox, db) => {
      const total = db
        .prepare("SELECT count(*) FROM registrations WHERE state != 'draft' AND (? IS NULL OR state = ?)")
        .pluck()
        .get(state, state) as number
      const after = deep ? markerAt(db, total - 2 * PAGE, state) : null
      const page = outbox.list({ state, after, limit: PAGE })
      expectOutcome(
        page.items.length === PAGE && page.items.every((item) => item.name || item.purgedAt),
        `a full page of ${PAGE} readable records`,
      )
      expectOutcome(
        state === null || page.items.every((item) => item.state === state),
        'only the state asked',
      )
      return () => outbox.list({ state, after, limit: PAGE })
    },
  })),
]

/** Each operation's median at `count` records. */
function medians(dir: string, count: number): number[] {
  const db = openDatabase(join(dir, `outbox-${count}.sqlite`))
  try {
    const key = randomBytes(32)
    seedQueue({ db }, key, count)
    const outbox = new Outbox(db, key, () => new Date(SEED_START))
    return operations.map((operation) => {
      const run = operation.setup(outbox, db)
      samples(5, run) // Warm-up: the first calls compile statements and code paths, not what is measured.
      return quantile(samples(RUNS, run), 0.5)
    })
  } finally {
    db.close()
  }
}

/** The outbox's operations at 100,000 records against the same at 1,000: O(log n) keeps the ratio near 1. */
export default defineBench({
  title: `Outbox operations at ${LARGE.toLocaleString('en')} records (baseline: ${SMALL.toLocaleString('en')} records), median of ${RUNS}`,
  run(): Row[] {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-outbox-'))
    try {
      const small = medians(dir, SMALL)
      const large = medians(dir, LARGE)
      return operations.map((operation, i) =>
        versus(
          operation.name,
          { value: large[i] ?? NaN },
          { label: `${SMALL.toLocaleString('en')} rows`, value: small[i] ?? NaN },
        ),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
