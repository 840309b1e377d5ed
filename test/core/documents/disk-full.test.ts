import { randomUUID } from 'node:crypto'
import { readdirSync, writeFileSync, rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { run as enqueue } from '../../../electron/core/cli/commands/enqueue'
import { run as queue } from '../../../electron/core/cli/commands/queue'
import { openCore, type Core } from '../../../electron/core/core'
import { isDiskFull } from '../../../electron/core/disk-full'
import { dispatch } from '../../../electron/core/dispatch'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { createHandlers } from '../../../electron/core/handlers'
import { createLog } from '../../../electron/core/log'
import { dataKey, osKeychain } from '../../../electron/core/secrets'
import { writeFileAtomic } from '../../../electron/core/crypto/atomic-file'
import { scannerPdf, screenshot } from '../../fixtures/documents/realistic'
import { fill, mountSmallDisk, tmpfsAllowed } from '../../fixtures/small-disk'
import { cleanup, openDesk, resourcesDir, studentForm, tempDir } from '../sync/desk'

const DISK_FULL = {
  ok: false,
  error: { code: 'disk_full', message: expect.stringMatching(/Free some space/) },
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: no room`), { code })
}

/**
 * The handlers as a host calls them, through dispatch, over a core whose vault writes through `write`;
 * the export dialog answers the paths in `transferPaths` in turn.
 */
function host(
  core: Core,
  write?: (path: string, data: Uint8Array) => Promise<void>,
  key?: Buffer,
  transferPaths: string[] = [],
) {
  const vault = write && key ? new DocumentVault(core.vault.dir, key, write) : core.vault
  const handlers = createHandlers(
    { ...core, vault },
    { chooseFiles: async () => [], chooseTransferFile: async () => transferPaths.shift() ?? null },
  )
  return (channel: string, request: unknown) => dispatch(handlers, channel, request, core.admin)
}

let dir: string
let core: Core
let scan: string

beforeEach(async () => {
  dir = tempDir('guichet-disk-full-')
  scan = join(dir, 'SCAN0042.PDF')
  writeFileSync(scan, (await scannerPdf()).bytes)
  core = await openDesk(join(dir, 'data'), null)
  // As the file dialog would: the agent chose it.
  core.grants.grant([scan])
})
afterEach(() => {
  core.close()
  cleanup(dir)
})

describe('a disk that refuses writes, injected into the core', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EROFS'])(
    'answers a scan taken in on a disk giving %s with disk_full, and keeps what was taken before',
    async (code) => {
      const key = await dataKey(osKeychain(), core.appInfo.dataDir)
      let full = false
      const call = host(
        core,
        (path, data) => (full ? Promise.reject(errno(code)) : writeFileAtomic(path, data)),
        key,
      )
      const clientId = randomUUID()
      const first = await call('attachDocument', { clientId, kind: 'identity', path: scan })
      expect(first.ok).toBe(true)

      full = true
      expect(await call('attachDocument', { clientId, kind: 'enrollment', path: scan })).toEqual(DISK_FULL)

      expect(core.documents.list(clientId).map((doc) => doc.kind)).toEqual(['identity'])
      const read = await call('readDocument', { id: core.documents.list(clientId)[0]?.id })
      expect(read.ok).toBe(true)
      full = false
      expect((await call('attachDocument', { clientId, kind: 'enrollment', path: scan })).ok).toBe(true)
    },
  )

  it('answers a draft save on a full database with disk_full, and keeps the draft saved before', async () => {
    const call = host(core)
    const clientId = randomUUID()
    const form = studentForm()
    expect((await call('saveDraft', { clientId, form })).ok).toBe(true)
    // SQLite's own "database or disk is full": the file may not grow, and its free pages are taken.
    core.db.exec('CREATE TABLE filler (x BLOB)')
    core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`)
    const insert = core.db.prepare('INSERT INTO filler VALUES (randomblob(?))')
    for (const size of [4000, 400, 40]) {
      expect(() => {
        for (;;) insert.run(size)
      }).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }))
    }
    // A longer draft needs new pages: the agent typed on, the database cannot hold it.
    const longer = { ...form, contact: { ...form.contact, address: 'Résidence '.repeat(2000) } }
    expect(await call('saveDraft', { clientId, form: longer })).toEqual(DISK_FULL)

    core.db.exec('DROP TABLE filler')
    core.db.pragma('max_page_count = 1073741823')
    expect(core.registrations.loadDraft()).toMatchObject({ clientId, form })
    expect((await call('saveDraft', { clientId, form: longer })).ok).toBe(true)
  })
})

describe('the desk log', () => {
  it('never throws, even when the disk refuses the line', () => {
    const log = createLog(dir, () => {
      throw errno('ENOSPC')
    })
    expect(() => log.error('sync', new Error('boom'))).not.toThrow()
  })

  it('lets dispatch answer `internal` when reporting the bug fails too', async () => {
    const handlers = createHandlers(core, { chooseFiles: async () => [] })
    const broken = { ...handlers, listScans: () => Promise.reject(new TypeError('a bug')) }
    const answer = await dispatch(broken, 'listScans', undefined, core.admin, () => {
      throw errno('ENOSPC')
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

/** A real small disk: an 8 MiB tmpfs, filled to the last byte. */
describe.skipIf(!tmpfsAllowed())('a real full disk (skipped: mounting a tmpfs needs root)', () => {
  let desk: Core
  let disk: ReturnType<typeof mountSmallDisk>
  let dataDir: string
  let filler: string
  let mountPoint: string

  beforeAll(async () => {
    disk = mountSmallDisk()
    mountPoint = disk.mountPoint
    dataDir = join(mountPoint, 'data')
    filler = join(mountPoint, 'filler.bin')
    desk = await openDesk(dataDir, null)
  })
  afterAll(() => {
    desk.close()
    disk.unmount()
  })

  it('answers take-in, draft save, submit and export with disk_full, loses nothing, and works again once there is room', async () => {
    const transferPaths: string[] = []
    const call = host(desk, undefined, undefined, transferPaths)
    const clientId = randomUUID()
    const small = join(mountPoint, 'screenshot.png')
    writeFileSync(small, (await screenshot()).bytes)
    desk.grants.grant([small, scan])
    const form = studentForm()
    expect((await call('attachDocument', { clientId, kind: 'identity', path: small })).ok).toBe(true)
    expect((await call('attachDocument', { clientId, kind: 'enrollment', path: small })).ok).toBe(true)
    expect((await call('saveDraft', { clientId, form })).ok).toBe(true)
    // An empty write-ahead log: the next change to the database must grow a file on the full disk.
    desk.db.pragma('wal_checkpoint(TRUNCATE)')
    fill(filler)

    expect(await call('attachDocument', { clientId, kind: 'identity', path: scan })).toEqual(DISK_FULL)
    expect(await call('saveDraft', { clientId, form: { ...form, firstName: 'Linh Mai' } })).toEqual(DISK_FULL)
    expect(await call('submitRegistration', { clientId, form })).toEqual(DISK_FULL)
    const path = join(mountPoint, 'export.guichet')
    transferPaths.push(path)
    expect(await call('chooseTransferFile', { mode: 'save' })).toEqual({ ok: true, value: path })
    expect(await call('exportQueue', { path, passphrase: 'correct horse battery staple' })).toEqual(DISK_FULL)
    expect(readdirSync(mountPoint).filter((name) => name.startsWith('export'))).toEqual([])
    expect(createLog(dataDir).error('sync', errno('ENOSPC'))).toBeUndefined()
    // No half-written scan is left to take the room freed later.
    expect(readdirSync(join(dataDir, 'documents')).filter((name) => name.endsWith('.tmp'))).toEqual([])

    rmSync(filler)
    expect(desk.registrations.loadDraft()).toMatchObject({ clientId, form })
    expect(desk.documents.list(clientId)).toHaveLength(2)
    expect((await call('attachDocument', { clientId, kind: 'identity', path: scan })).ok).toBe(true)
    expect(await call('submitRegistration', { clientId, form })).toMatchObject({ ok: true })
    expect(desk.outbox.counts()).toMatchObject({ queued: 1 })
  })

  it('lets the CLI say disk_full in one line and exit 1 instead of crashing', async () => {
    desk.close()
    const json = join(mountPoint, 'student.json')
    writeFileSync(json, JSON.stringify(studentForm()))
    fill(filler)
    const printed: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line))
    try {
      expect(await enqueue(['--data-dir', dataDir, '--json', json, '--identity', scan])).toBe(1)
    } finally {
      spy.mockRestore()
      rmSync(filler)
    }
    expect(JSON.parse(printed.at(-1) ?? '{}')).toMatchObject({ error: { code: 'disk_full' } })
    desk = await openDesk(dataDir, null)
  })

  it('says disk_full, not "disk I/O error", when the desk opens with a few KiB left, in the app and the CLI', async () => {
    desk.close()
    // Room for the lock, not for SQLite's WAL index (32 KiB regions): SQLITE_IOERR_SHMSIZE underneath.
    fill(filler, 8 * 1024)
    const printed: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line))
    try {
      // What electron/main calls at start (openCoreOrExplain shows a GuichetFailure's message).
      const opening = openCore({ dataDir, host: 'electron', version: 'test', resourcesDir })
      await expect(opening).rejects.toMatchObject({
        code: 'disk_full',
        message: expect.stringMatching(
          /^Guichet cannot open the desk: its disk is full.*start Guichet again\.$/,
        ),
      })
      expect(await queue(['--data-dir', dataDir, '--json'])).toBe(1)
    } finally {
      spy.mockRestore()
      rmSync(filler)
    }
    expect(JSON.parse(printed.at(-1) ?? '{}')).toMatchObject({
      error: { code: 'disk_full', message: expect.stringMatching(/cannot open the desk/) },
    })
    desk = await openDesk(dataDir, null)
    expect(desk.settings.get().deskId).toBe('test-desk-1')
  })

  it.each(['SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC'])(
    'takes %s for a full disk only while the desk’s folder has no room, in every handler',
    async (code) => {
      const ioError = new Database.SqliteError('disk I/O error', code)
      // A host handler failing as a core one would: dispatch answers what the handlers judged.
      const handlers = createHandlers(desk, { chooseFiles: () => Promise.reject(ioError) })
      const choose = () => dispatch(handlers, 'chooseFiles', { kind: 'identity' }, desk.admin, () => {})
      expect(isDiskFull(ioError, dataDir)).toBe(false)
      expect(await choose()).toMatchObject({ ok: false, error: { code: 'internal' } })
      fill(filler)
      try {
        expect(isDiskFull(ioError, dataDir)).toBe(true)
        expect(await choose()).toEqual(DISK_FULL)
        // Without the folder (or a folder gone: a removed drive) nothing says there is no room.
        expect(isDiskFull(ioError)).toBe(false)
        expect(isDiskFull(ioError, join(mountPoint, 'gone'))).toBe(false)
      } finally {
        rmSync(filler)
      }
    },
  )
})
