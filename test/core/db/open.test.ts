import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Migration } from '../../../electron/core/db/migration'
import { closeDatabase } from '../../../electron/core/db/clean-shutdown'
import { openDatabase } from '../../../electron/core/db/open'
import { migrations } from '../../../electron/core/db/migrations'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-db-'))
})

const failure = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as { code?: string; message: string }
  }
  throw new Error('expected a failure')
}

describe('openDatabase', () => {
  it('creates a WAL database with full fsync at the latest schema', () => {
    const db = openDatabase(join(dir, 'desk.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    db.close()
  })

  it('reopens an existing file without migrating it again', () => {
    const file = join(dir, 'desk.sqlite')
    const first = openDatabase(file)
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run()
    first.close()
    const again = openDatabase(file)
    expect(again.prepare("SELECT value FROM settings WHERE key = 'k'").pluck().get()).toBe('v')
    again.close()
  })

  it('applies every pending migration in one transaction: a failing one leaves the file as it was', () => {
    const file = join(dir, 'desk.sqlite')
    const good: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE one (x)') }
    const bad: Migration = {
      version: 2,
      name: 'two',
      up: (db) => {
        db.exec('CREATE TABLE two (x)')
        throw new Error('migration 2 breaks')
      },
    }
    expect(() => openDatabase(file, { migrations: [good, bad] })).toThrow('migration 2 breaks')
    const raw = new Database(file)
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('one', 'two')").pluck().get()).toBe(
      0,
    )
    raw.close()
  })

  it('refuses a database from a newer Guichet with a clear message and leaves it untouched', () => {
    const file = join(dir, 'desk.sqlite')
    const raw = new Database(file)
    raw.pragma('user_version = 42')
    raw.close()
    const error = failure(() => openDatabase(file))
    expect(error.code).toBe('database_too_new')
    expect(error.message).toMatch(/newer Guichet.*schema 42/)
    expect(readdirSync(dir)).toEqual(['desk.sqlite'])
  })

  it.each([
    ['random bytes', () => Buffer.from('this is not a database at all, just text'.repeat(200))],
    ['a truncated database', () => truncatedDatabase()],
  ])('keeps %s aside, never deletes it, and says where it went', (_label, bytes) => {
    const file = join(dir, 'desk.sqlite')
    const content = bytes()
    writeFileSync(file, content)
    const error = failure(() => openDatabase(file, { now: () => new Date('2026-09-02T10:00:00Z') }))
    expect(error.code).toBe('database_corrupt')
    const keptAt = `${file}.damaged-2026-09-02T10-00-00-000Z`
    expect(error.message).toContain(keptAt)
    expect(existsSync(keptAt)).toBe(true)
    expect(existsSync(file)).toBe(false)
    // The next start gets a fresh, working database.
    openDatabase(file).close()
  })
})

function truncatedDatabase(): Buffer {
  const source = join(dir, 'source.sqlite')
  const db = new Database(source)
  db.exec('CREATE TABLE t (x TEXT)')
  const insert = db.prepare('INSERT INTO t VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run('row '.repeat(20) + i)
  })()
  db.close()
  const whole = readFileSync(source)
  rmSync(source)
  return Buffer.concat([
    whole.subarray(0, 100),
    Buffer.alloc(4096, 0xff),
    whole.subarray(8192, whole.length / 2),
  ])
}

describe('the integrity check at start', () => {
  /** A database with enough records to span many pages, closed as `how` says, then damaged mid-file. */
  function damagedAfter(how: 'crash' | 'clean quit', file: string): void {
    const db = openDatabase(file)
    const insert = db.prepare(
      "INSERT INTO registrations (client_id, state, payload, created_at, updated_at, captured_at) VALUES (?, 'queued', randomblob(900), 't', 't', 't')",
    )
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`record-${i}`)
    })()
    if (how === 'clean quit') closeDatabase(db)
    else db.close() // The process died: nobody said the session ended.
    const bytes = readFileSync(file)
    const page = 4096
    const middle = Math.floor(bytes.length / page / 2) * page
    bytes.fill(0x5a, middle + 8, middle + page)
    writeFileSync(file, bytes)
  }

  it('finds a database damaged after a crash and keeps it aside', () => {
    const file = join(dir, 'desk.sqlite')
    damagedAfter('crash', file)
    const error = failure(() => openDatabase(file, { now: () => new Date('2026-09-02T10:00:00Z') }))
    expect(error.code).toBe('database_corrupt')
    expect(existsSync(`${file}.damaged-2026-09-02T10-00-00-000Z`)).toBe(true)
  })

  it('checks again after a crash that follows a clean start: opening takes the clean-quit mark away', () => {
    const file = join(dir, 'desk.sqlite')
    closeDatabase(openDatabase(file))
    // Started cleanly, then the process died during the session.
    damagedAfter('crash', file)
    expect(failure(() => openDatabase(file)).code).toBe('database_corrupt')
  })

  it('skips the check of the whole file after a clean quit', () => {
    const file = join(dir, 'desk.sqlite')
    damagedAfter('clean quit', file)
    // The damage is in records start does not read: only a crash makes start look for it.
    const db = openDatabase(file)
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok')
    db.close()
  })
})

describe('closeDatabase', () => {
  it('closes the file even when a full disk refuses the clean-quit mark, so the next start checks it', () => {
    const file = join(dir, 'desk.sqlite')
    const db = openDatabase(file)
    // The file may grow no further: the mark's insert gets SQLITE_FULL, as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
    const filler = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    expect(() => {
      for (let i = 0; ; i++) filler.run(`f${i}`, '"2026-09-02"')
    }).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }))
    expect(() => closeDatabase(db)).not.toThrow()
    expect(db.open).toBe(false)
    const raw = new Database(file)
    expect(raw.prepare("SELECT count(*) FROM settings WHERE key = 'closed_cleanly'").pluck().get()).toBe(0)
    raw.close()
  })
})
