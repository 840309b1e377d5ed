import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { closeDatabase } from '../../../electron/core/db/clean-shutdown'
import { migrations } from '../../../electron/core/db/migrations'
import { openDatabase } from '../../../electron/core/db/open'
import { bindLegacyDocuments } from '../../../electron/core/registrations/bind-legacy-documents'
import { useBackend } from '../../backend/use-backend'
import { secretsWithKey } from '../documents/crash-child'
import { cleanup, documentFiles, openDesk, tempDir } from '../sync/desk'
import { VirtualClock } from '../sync/virtual-clock'
import { legacyDesk, type LegacyDesk } from './legacy-desk'

const t = useBackend()
const child = fileURLToPath(new URL('./upgrade-crash-child.ts', import.meta.url))
/** A fair's laptop updated with a day of unsent records. */
const RECORDS = 150
let dir: string
let dataDir: string
let key: Buffer
let legacy: LegacyDesk
let core: Core | undefined

beforeEach(async () => {
  dir = tempDir('guichet-legacy-')
  dataDir = join(dir, 'data')
  key = randomBytes(32)
  legacy = await legacyDesk(dataDir, key, await documentFiles(dir), RECORDS)
})
afterEach(() => {
  core?.close()
  core = undefined
  cleanup(dir)
})

/** The updated desk starting, with its key from the keychain. */
const start = async (): Promise<Core> =>
  (core = await openDesk(dataDir, t.backend, {
    clock: new VirtualClock(),
    secrets: secretsWithKey(dataDir, key.toString('base64')),
  }))

/** What someone with the database file but not the keychain does, the desk closed. */
function inTheFile<T>(change: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'guichet.sqlite'))
  try {
    return change(db)
  } finally {
    db.close()
  }
}

const firstWayRows = (db: Database.Database) =>
  db.prepare('SELECT count(*) FROM documents WHERE meta_format = 1').pluck().get()

/** Whether these bytes are anywhere in the database's files (the database, its WAL). */
function inFiles(bytes: Buffer): boolean {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('guichet.sqlite'))
    .some((name) => readFileSync(join(dataDir, name)).includes(bytes))
}

function expectAllSentWithTheirScans(): void {
  for (const clientId of legacy.queued) {
    const held = t.backend.store.registrationByClientId(clientId)
    expect(held?.status, clientId).toBe('submitted')
    const scans = legacy.documents.filter((d) => d.clientId === clientId).map((d) => d.sha256)
    expect(held?.documents.map((d) => d.sha256)).toEqual(scans)
    expect(t.backend.store.storedDocuments(held!.id).sort()).toEqual([...scans].sort())
  }
}

/** The desk started with the right key: every row bound, every record sent with its own scans. */
async function startBindAndSendAll(): Promise<void> {
  const desk = await start()
  expect(inTheFile(firstWayRows)).toBe(0)
  const { counts } = await desk.sync.drain()

  expect(counts).toMatchObject({ submitted: RECORDS, needs_attention: 0 })
  expectAllSentWithTheirScans()
}

describe('a desk updated with records sealed before documents were bound to them', () => {
  it('binds every one at its first start, and sends them all with their own scans', async () => {
    const desk = await start()

    expect(inTheFile(firstWayRows)).toBe(0)
    // The first way's metadata is gone from the file and its WAL, so nobody can put it back later.
    expect(legacy.documents.filter((d) => inFiles(d.meta))).toEqual([])
    expect(desk.registrations.loadDraft()?.clientId).toBe(legacy.draft)
    expect(desk.documents.list(legacy.draft).map((d) => d.fileName)).toEqual(['passport.pdf'])

    const { counts } = await desk.sync.drain()

    expect(counts).toMatchObject({ submitted: RECORDS, queued: 0, needs_attention: 0 })
    expectAllSentWithTheirScans()
  })

  it('does not bind twice: marking a bound row as sealed the first way, or putting its old metadata back, passes nothing', async () => {
    const [alice, bob, carol] = legacy.queued as [string, string, string]
    const [alicePassport] = legacy.documents.filter((d) => d.clientId === alice)
    ;(await start()).close()
    core = undefined

    inTheFile((db) => {
      // Alice's passport, with the metadata it had before the update, moved to Bob's record.
      db.prepare('UPDATE documents SET client_id = ?, meta = ?, meta_format = 1 WHERE id = ?').run(
        bob,
        alicePassport!.meta,
        alicePassport!.id,
      )
      // Carol's scans marked as never bound.
      db.prepare('UPDATE documents SET meta_format = 1 WHERE client_id = ?').run(carol)
    })
    const desk = await start()
    await desk.sync.drain()

    const waiting = desk.outbox.list({ state: 'needs_attention', after: null, limit: 10 }).items
    expect(waiting.map((i) => [i.clientId, i.lastError?.code]).sort()).toEqual(
      [
        [alice, 'document_altered'],
        [bob, 'document_altered'],
      ].sort(),
    )
    expect(t.backend.store.registrationByClientId(alice)).toBeUndefined()
    expect(t.backend.store.registrationByClientId(bob)).toBeUndefined()
    // Carol's scans were already bound: still hers, and sent.
    expect(t.backend.store.registrationByClientId(carol)?.status).toBe('submitted')
    expect(readdirSync(desk.vault.dir)).toContain(`${alicePassport!.id}.bin`)
  })

  it('leaves every scan as it was when run with another key, so the right key binds and sends them all', async () => {
    // The keychain answered another key once (a restored backup, another account's entry).
    const db = openDatabase(join(dataDir, 'guichet.sqlite'))
    try {
      expect(bindLegacyDocuments(db, randomBytes(32))).toBe(0)
      expect(firstWayRows(db)).toBe(legacy.documents.length)
    } finally {
      closeDatabase(db)
    }

    await startBindAndSendAll()
  })

  it('refuses to start with another key, binding nothing, and binds and sends them all once the right key is back', async () => {
    const wrong = openDesk(dataDir, t.backend, {
      clock: new VirtualClock(),
      secrets: secretsWithKey(dataDir, randomBytes(32).toString('base64')),
    }).then((opened) => (core = opened))
    await expect(wrong).rejects.toMatchObject({ code: 'data_key_wrong' })
    expect(inTheFile(firstWayRows)).toBe(legacy.documents.length)
    expect(inTheFile((db) => db.prepare("SELECT 1 FROM settings WHERE key = 'data_key_check'").get())).toBe(
      undefined,
    )

    await startBindAndSendAll()
  })

  it('loses nothing when the desk is killed half-way through binding them, and binds them all at the next start', async () => {
    const killed = spawn('node', ['--import', 'tsx', child, dataDir, String(RECORDS)], {
      env: { ...process.env, GUICHET_CRASH_KEY: key.toString('base64') },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const lines: string[] = []
    createInterface({ input: killed.stdout }).on('line', (line) => lines.push(line))
    const signal = await new Promise((resolve) => killed.once('exit', (_code, signal) => resolve(signal)))

    expect(signal).toBe('SIGKILL')
    // Killed by its trigger, inside the transaction (stdout to a pipe is written at once on Linux).
    expect(lines).toEqual(['binding'])
    // Updated to the latest schema, and every row as it was: the transaction never committed.
    inTheFile((db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
      expect(firstWayRows(db)).toBe(legacy.documents.length)
      expect(
        db.prepare('SELECT count(*) FROM registrations WHERE documents_seal IS NOT NULL').pluck().get(),
      ).toBe(0)
    })
    expect(readdirSync(join(dataDir, 'documents'))).toHaveLength(legacy.documents.length)

    await startBindAndSendAll()
  })
})
