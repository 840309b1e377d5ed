import type { Database } from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/open'
import { Outbox } from '../../../electron/core/outbox/outbox'
import { SEED_START, seedQueue } from '../../bench/seed-queue'
import { claimOne } from './claim-one'

/** Every statement `work` runs, with the arguments of its first run, in order. */
function statementsOf(db: Database, work: () => void): { sql: string; args: unknown[] }[] {
  const seen = new Map<string, unknown[]>()
  const prepare = db.prepare.bind(db)
  const spy = (sql: string) => {
    const statement = prepare(sql)
    for (const method of ['get', 'all', 'run'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown
      Object.assign(statement, {
        [method]: (...args: unknown[]) => {
          if (!seen.has(sql)) seen.set(sql, args)
          return original(...args)
        },
      })
    }
    return statement
  }
  db.prepare = spy as typeof db.prepare
  try {
    work()
  } finally {
    db.prepare = prepare
  }
  return [...seen].map(([sql, args]) => ({ sql, args }))
}

let dir: string
let db: Database
const key = randomBytes(32)
const now = () => new Date(SEED_START)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-plans-'))
  db = openDatabase(join(dir, 'desk.sqlite'))
  seedQueue({ db }, key, 3_000)
})
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A fresh outbox each time, so statements it keeps prepared are prepared (and seen) again. */
const outbox = () => new Outbox(db, key, now)

const operations: [string, () => void][] = [
  [
    'claim (nothing busy, then with busy records) and release',
    () => {
      const box = outbox()
      const first = claimOne(box, [], 'desk')
      const second = claimOne(box, [first?.clientId ?? ''], 'desk')
      expect(second?.clientId).not.toBe(first?.clientId)
      for (const claimed of [first, second]) box.release(claimed?.clientId ?? '')
    },
  ],
  [
    'next due time and anything due now',
    () => {
      const box = outbox()
      expect(box.nextDueAt()).not.toBeNull()
      expect(box.hasDueNow()).toBe(true)
    },
  ],
  ['counts', () => expect(outbox().counts().submitted).toBeGreaterThan(0)],
  ['purge past retention', () => outbox().purgeExpired(30)],
  ['status refresh', () => expect(outbox().toRefresh(now(), 20)).toHaveLength(20)],
  ...([null, 'needs_attention'] as const).map((state): [string, () => void] => [
    `queue pages ${state ? `filtered (${state})` : 'of every state'}: first and next by cursor`,
    () => {
      const box = outbox()
      const first = box.list({ state, after: null, limit: 50 })
      const next = box.list({ state, after: first.next, limit: 50 })
      expect(next.items).toHaveLength(50)
      expect(next.items[0]?.clientId).not.toBe(first.items[0]?.clientId)
    },
  ]),
  // Last: it rewrites the seeded retry times.
  [
    'retry times brought back after the clock was set back 3 hours',
    () => {
      const now = SEED_START - 3 * 3_600_000
      const back = new Outbox(db, key, () => new Date(now))
      const waits = back
        .list({ state: 'retry_wait', after: null, limit: 50 })
        .items.map((item) => Date.parse(item.nextAttemptAt!) - now)
      expect(waits).toHaveLength(50)
      expect(Math.max(...waits)).toBeLessThanOrEqual(300_000)
    },
  ],
]

describe('the outbox at scale: every statement of these operations is an indexed search', () => {
  it.each(operations)('%s', (_name, work) => {
    const statements = statementsOf(db, work)
    expect(statements.length).toBeGreaterThan(0)
    for (const { sql, args } of statements) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map(
        (row) => row.detail,
      )
      const where = `${sql.replace(/\s+/g, ' ')}\n  ${plan.join('\n  ')}`
      expect(
        plan.filter((line) => /^SCAN /.test(line)),
        where,
      ).toEqual([])
      expect(
        plan.filter((line) => /TEMP B-TREE/.test(line)),
        where,
      ).toEqual([])
    }
  })
})
