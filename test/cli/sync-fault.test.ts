import Database from 'better-sqlite3'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useBackend } from '../backend/use-backend'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../core/sync/desk'
import { jsonLines, runDesk, stderrLines } from './run-desk'

const t = useBackend()
const EMAIL = 'linh.nguyen.2005@example.org'
let dataDir: string
let clientId: string

/** `desk sync --once` against the reference backend, its token given as an admin would. */
const syncOnce = () =>
  runDesk(['sync', '--once', '--data-dir', dataDir], {
    GUICHET_BACKEND_URL: t.backend.url,
    GUICHET_TOKEN: t.backend.token,
  })

/**
 * A fault of the desk itself, met where every pass goes: the database refuses to mark a record as
 * being sent (a trigger no migration made, as a faulty upgrade would leave). Not the network, not a
 * full disk, not damage: a bug, whose error the CLI meets as SQLite's constraint failure.
 */
const FAULTY_TRIGGER = `CREATE TRIGGER faulty_claim BEFORE UPDATE OF state ON registrations
  WHEN NEW.state = 'sending' BEGIN SELECT RAISE(ABORT, 'claim refused'); END`

function onDatabase(sql: string): void {
  const db = new Database(join(dataDir, 'guichet.sqlite'))
  try {
    db.exec(sql)
  } finally {
    db.close()
  }
}

const scans = () => readdirSync(join(dataDir, 'documents')).sort()

beforeEach(async () => {
  dataDir = tempDir('guichet-sync-fault-')
  const core = await openDesk(dataDir, null)
  clientId = await queueOne(core, await documentFiles(dataDir), EMAIL)
  core.close()
})
afterEach(() => cleanup(dataDir))

describe('desk sync --once stopped by a fault of the desk', () => {
  it('exits 6 naming the fault, logs its stack, sends nothing, and loses nothing', async () => {
    const kept = scans()
    onDatabase(FAULTY_TRIGGER)

    const run = await syncOnce()
    expect(run.code).toBe(6)
    const [said] = stderrLines(run.stderr)
    expect(said).toEqual({
      error: {
        code: 'sync_fault',
        message: expect.stringMatching(/^A fault in the desk, not the network, stopped the sync .*desk log/),
        fault: { name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER' },
      },
    })
    // The desk log holds the error by name, code and stack, for support, and nothing of the student.
    const log = readFileSync(join(dataDir, 'logs', 'guichet.log'), 'utf8')
    const [entry] = jsonLines(log) as [{ event: string; name: string; code: string; frames: string[] }]
    expect(entry).toMatchObject({ event: 'cli', name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER' })
    expect(entry.frames.some((frame) => frame.includes('electron/core/outbox/outbox.ts'))).toBe(true)
    expect(`${log}${run.stderr}${run.stdout}`.toLowerCase()).not.toMatch(/nguyen|linh|claim refused/)
    // Nothing was sent (the connection check's GETs aside), and the record waits as it was, with its scans.
    expect(t.backend.log.filter((entry) => entry.method !== 'GET')).toEqual([])
    const queue = await runDesk(['queue', '--json', '--data-dir', dataDir])
    expect(jsonLines(queue.stdout)).toEqual([
      { clientId, state: 'queued', attempts: 0, lastError: null, serverId: null },
    ])
    expect(scans()).toEqual(kept)

    // Mended, the same command sends the record whole.
    onDatabase('DROP TRIGGER faulty_claim')
    const mended = await syncOnce()
    expect(mended.code).toBe(0)
    expect(jsonLines(mended.stdout)[0]).toMatchObject({ counts: { submitted: 1 } })
    expect(
      t.backend.log.filter((entry) => entry.route === 'uploadDocument' && entry.status === 201),
    ).toHaveLength(2)
  })
})
