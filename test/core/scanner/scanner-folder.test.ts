import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import { ScannerFolder } from '../../../electron/core/documents/scanner-folder'
import { createHandlers } from '../../../electron/core/handlers'
import type { ScanEntry } from '../../../src/domain/ipc/events'
import * as corpus from '../../fixtures/documents/corpus'
import { screenshot } from '../../fixtures/documents/realistic'

let dir: string
let folder: string
let scanner: ScannerFolder | undefined
let updates: ScanEntry[][]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-scanner-'))
  folder = join(dir, 'scans')
  await mkdir(folder)
  updates = []
})
afterEach(async () => {
  scanner?.stop()
  scanner = undefined
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

const names = (entries: readonly ScanEntry[] = []) => entries.map((entry) => entry.fileName)
const latest = () => names(updates.at(-1))

/**
 * The scanner's clock and timers are the test's: files get their modification time from that clock,
 * and time moves only when the test says, so the 500 ms settle window is the same under any load.
 * Only the file system is real (and its watcher, whose events merely ask for a rescan).
 */
describe('the scanner folder', () => {
  const SETTLE_MS = 500
  const POLL_MS = 1000

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    vi.setSystemTime(new Date('2026-09-02T10:00:00Z'))
  })

  /** Writes a file as the scanner would right now, `ageMs` ago by the test's clock. */
  async function save(path: string, bytes: Uint8Array | string, ageMs = 0) {
    await writeFile(path, bytes)
    await touch(path, ageMs)
  }
  async function touch(path: string, ageMs = 0) {
    const at = (Date.now() - ageMs) / 1000
    await utimes(path, at, at)
  }

  async function follow(path = folder) {
    scanner = new ScannerFolder((entries) => updates.push(entries), { settleMs: SETTLE_MS, pollMs: POLL_MS })
    scanner.follow(path)
    await scanner.settled()
    return scanner
  }

  /** Moves the clock on, runs the rescans that fall due, and waits for them to finish. */
  async function advance(ms: number) {
    await vi.advanceTimersByTimeAsync(ms)
    await scanner?.settled()
  }

  it('lists a scan saved into the folder, newest first, with its size and time', async () => {
    await save(join(folder, 'older.pdf'), await corpus.pdf(1), 60_000)
    await follow()
    expect(latest()).toEqual(['older.pdf'])

    const jpeg = await corpus.jpeg()
    await save(join(folder, 'passport.jpg'), jpeg)
    await advance(SETTLE_MS - 1)
    expect(latest()).toEqual(['older.pdf'])
    await advance(POLL_MS)
    expect(latest()).toEqual(['passport.jpg', 'older.pdf'])
    expect(updates.at(-1)?.[0]).toMatchObject({
      path: join(folder, 'passport.jpg'),
      size: jpeg.length,
      modifiedAt: '2026-09-02T10:00:00.000Z',
    })
  })

  it('keeps listing its scans when the clock is set back 3 hours, and lists new ones once settled', async () => {
    await save(join(folder, 'passport.pdf'), await corpus.pdf(1), 60_000)
    await follow()
    expect(latest()).toEqual(['passport.pdf'])

    vi.setSystemTime(Date.now() - 3 * 3_600_000)
    await advance(POLL_MS)
    expect(latest()).toEqual(['passport.pdf'])
    await save(join(folder, 'visa.jpg'), await corpus.jpeg())
    await advance(POLL_MS)
    // Newest first by file time: the scan saved after the clock went back is dated earlier.
    expect(latest()).toEqual(['passport.pdf', 'visa.jpg'])
  })

  it('waits until a file the scanner is still writing holds still for the settle window', async () => {
    await follow()
    const growing = join(folder, 'slow-scan.pdf')
    await save(growing, '%PDF-1.7\n')
    for (let i = 0; i < 12; i++) {
      await advance(100)
      await appendFile(growing, `chunk ${i}\n`)
      await touch(growing)
      await advance(0)
      expect(latest()).not.toContain('slow-scan.pdf')
    }
    await advance(SETTLE_MS - 1)
    expect(latest()).not.toContain('slow-scan.pdf')
    await advance(POLL_MS)
    expect(latest()).toEqual(['slow-scan.pdf'])
    expect(updates.flat().filter((entry) => entry.fileName === 'slow-scan.pdf')).toHaveLength(1)
  })

  it('ignores hidden and temporary files, and lists one once it is renamed into place', async () => {
    const bytes = await corpus.pdf(1)
    for (const name of ['.hidden.pdf', '~$scan.pdf', 'scan.pdf.tmp', 'scan.part', 'Thumbs.db', 'empty.pdf']) {
      await save(join(folder, name), name === 'empty.pdf' ? '' : bytes, 60_000)
    }
    await save(join(folder, 'real.pdf'), bytes, 60_000)
    await follow()
    expect(latest()).toEqual(['real.pdf'])

    await rename(join(folder, 'scan.pdf.tmp'), join(folder, 'scan.pdf'))
    await advance(POLL_MS)
    expect(latest().sort()).toEqual(['real.pdf', 'scan.pdf'])
  })

  it('finds scans in a folder that only appears later, as a drive plugged in after start', async () => {
    const later = join(dir, 'usb-drive')
    await follow(later)
    expect(latest()).toEqual([])
    await mkdir(later)
    await save(join(later, 'scan.png'), await corpus.png(), 60_000)
    await advance(POLL_MS)
    expect(latest()).toEqual(['scan.png'])
  })

  it('drops a scan deleted from the folder, and empties the list when unfollowed', async () => {
    await save(join(folder, 'scan.pdf'), await corpus.pdf(1), 60_000)
    const watched = await follow()
    expect(latest()).toEqual(['scan.pdf'])
    await rm(join(folder, 'scan.pdf'))
    await advance(POLL_MS)
    expect(latest()).toEqual([])
    await save(join(folder, 'again.pdf'), await corpus.pdf(1), 60_000)
    await advance(POLL_MS)
    expect(latest()).toEqual(['again.pdf'])
    watched.follow('')
    expect(latest()).toEqual([])
    expect(watched.list()).toEqual([])
  })

  it('releases only a scan of its own folder, and lists it no more', async () => {
    await save(join(folder, 'scan.pdf'), await corpus.pdf(1), 60_000)
    const elsewhere = join(dir, 'desktop.pdf')
    await save(elsewhere, await corpus.pdf(1), 60_000)
    const watched = await follow()

    expect(await watched.release(elsewhere)).toBe(false)
    expect(existsSync(elsewhere)).toBe(true)
    expect(await watched.release(join(folder, 'scan.pdf'))).toBe(true)
    expect(existsSync(join(folder, 'scan.pdf'))).toBe(false)
    expect(latest()).toEqual([])
    expect(await watched.release(join(folder, 'scan.pdf'))).toBe(false)
  })
})

describe('the scanner folder in the core', () => {
  let core: Core

  beforeEach(async () => {
    core = await openCore({
      dataDir: join(dir, 'data'),
      host: 'web',
      version: 'test',
      resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
    })
  })
  afterEach(() => core.close())

  /** A scan the scanner finished a minute ago: listed at the first look, with no settle wait. */
  async function finishedScan(path: string, bytes: Buffer) {
    await writeFile(path, bytes)
    const minuteAgo = (Date.now() - 60_000) / 1000
    await utimes(path, minuteAgo, minuteAgo)
  }

  it('announces scans, takes one in, removes it from the folder and says so; a file from elsewhere stays', async () => {
    const handlers = createHandlers(core, { chooseFiles: async () => [] })
    const seen: ScanEntry[][] = []
    core.events.on('scansChanged', (entries) => seen.push(entries))
    const shot = await screenshot()
    const scan = join(folder, shot.name)
    await finishedScan(scan, shot.bytes)

    await handlers.updateSettings({ scannerFolder: folder })
    await core.scans.settled()
    expect(names(seen.at(-1))).toEqual([shot.name])
    expect(names(await handlers.listScans(undefined))).toEqual([shot.name])

    const clientId = randomUUID()
    const attached = await handlers.attachDocument({ clientId, kind: 'identity', path: scan })
    expect(attached).toMatchObject({ kind: 'identity', fileName: shot.name, movedFromScanner: true })
    expect(existsSync(scan)).toBe(false)
    expect(seen.at(-1)).toEqual([])
    const stored = await handlers.readDocument({ id: attached.id })
    expect(Buffer.from(stored.base64, 'base64').length).toBe(attached.size)

    const desktop = join(dir, 'certificat.pdf')
    await finishedScan(desktop, await corpus.pdf(1))
    core.grants.grant([desktop])
    const other = await handlers.attachDocument({ clientId, kind: 'enrollment', path: desktop })
    expect(other).not.toHaveProperty('movedFromScanner')
    expect(existsSync(desktop)).toBe(true)

    await handlers.updateSettings({ scannerFolder: '' })
    expect(seen.at(-1)).toEqual([])
  })

  it('keeps the scan in the folder when the desk refuses it', async () => {
    const handlers = createHandlers(core, { chooseFiles: async () => [] })
    const cut = join(folder, 'cut.pdf')
    await finishedScan(cut, corpus.firstHalf(await corpus.pdf(2)))
    await handlers.updateSettings({ scannerFolder: folder })
    await core.scans.settled()
    await expect(
      handlers.attachDocument({ clientId: randomUUID(), kind: 'identity', path: cut }),
    ).rejects.toMatchObject({
      code: 'truncated',
    })
    expect(existsSync(cut)).toBe(true)
    expect(names(core.scans.list())).toEqual(['cut.pdf'])
  })
})
