import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rename, rm, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import { ScannerFolder } from '../../../electron/core/documents/scanner-folder'
import { createHandlers } from '../../../electron/core/handlers'
import type { SecretStore } from '../../../electron/core/secrets'
import type { ScanEntry } from '../../../src/domain/ipc/events'
import * as corpus from '../../fixtures/documents/corpus'

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
  await rm(dir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const names = (entries: readonly ScanEntry[] = []) => entries.map((entry) => entry.fileName)
const latest = () => names(updates.at(-1))

function follow(path = folder) {
  scanner = new ScannerFolder((entries) => updates.push(entries))
  scanner.follow(path)
  return scanner
}

describe('the scanner folder', () => {
  it('lists a scan saved into the folder, newest first, with its size and time', async () => {
    await writeFile(join(folder, 'older.pdf'), await corpus.pdf(1))
    follow()
    await expect.poll(latest).toEqual(['older.pdf'])
    await sleep(20)
    const jpeg = await corpus.jpeg()
    await writeFile(join(folder, 'passport.jpg'), jpeg)

    await expect.poll(latest, { timeout: 5000 }).toEqual(['passport.jpg', 'older.pdf'])
    expect(updates.at(-1)?.[0]).toMatchObject({
      path: join(folder, 'passport.jpg'),
      size: jpeg.length,
      modifiedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  it('waits until a file the scanner is still writing holds still', async () => {
    follow()
    const growing = join(folder, 'slow-scan.pdf')
    await writeFile(growing, '%PDF-1.7\n')
    for (let i = 0; i < 12; i++) {
      await sleep(100)
      await appendFile(growing, `chunk ${i}\n`)
      expect(latest()).not.toContain('slow-scan.pdf')
    }
    await expect.poll(latest, { timeout: 5000 }).toEqual(['slow-scan.pdf'])
    expect(updates.flat().filter((entry) => entry.fileName === 'slow-scan.pdf')).toHaveLength(1)
  })

  it('ignores hidden and temporary files, and lists one once it is renamed into place', async () => {
    follow()
    const bytes = await corpus.pdf(1)
    for (const name of ['.hidden.pdf', '~$scan.pdf', 'scan.pdf.tmp', 'scan.part', 'Thumbs.db', 'empty.pdf']) {
      await writeFile(join(folder, name), name === 'empty.pdf' ? '' : bytes)
    }
    await writeFile(join(folder, 'real.pdf'), bytes)
    await expect.poll(latest, { timeout: 5000 }).toEqual(['real.pdf'])

    await rename(join(folder, 'scan.pdf.tmp'), join(folder, 'scan.pdf'))
    await expect.poll(() => latest().sort(), { timeout: 5000 }).toEqual(['real.pdf', 'scan.pdf'])
  })

  it('finds scans in a folder that only appears later, as a drive plugged in after start', async () => {
    const later = join(dir, 'usb-drive')
    follow(later)
    await sleep(50)
    await mkdir(later)
    await writeFile(join(later, 'scan.png'), await corpus.png())
    await expect.poll(latest, { timeout: 5000 }).toEqual(['scan.png'])
  })

  it('drops a scan deleted from the folder, and empties the list when unfollowed', async () => {
    await writeFile(join(folder, 'scan.pdf'), await corpus.pdf(1))
    const watched = follow()
    await expect.poll(latest).toEqual(['scan.pdf'])
    await rm(join(folder, 'scan.pdf'))
    await expect.poll(latest, { timeout: 5000 }).toEqual([])
    await writeFile(join(folder, 'again.pdf'), await corpus.pdf(1))
    await expect.poll(latest, { timeout: 5000 }).toEqual(['again.pdf'])
    watched.follow('')
    expect(latest()).toEqual([])
    expect(watched.list()).toEqual([])
  })
})

describe('the scanner folder in the core', () => {
  let core: Core

  const memorySecrets = (): SecretStore => {
    const values = new Map<string, string>()
    return {
      get: async (account) => values.get(account) ?? null,
      set: async (account, value) => void values.set(account, value),
      delete: async (account) => values.delete(account),
    }
  }

  beforeEach(async () => {
    core = await openCore({
      dataDir: join(dir, 'data'),
      host: 'web',
      version: 'test',
      resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
      secrets: memorySecrets(),
    })
  })
  afterEach(() => core.close())

  it('starts with the setting, announces scans, and attaches one without moving or changing it', async () => {
    const handlers = createHandlers(core, { chooseFiles: async () => [] })
    const seen: ScanEntry[][] = []
    core.events.on('scansChanged', (entries) => seen.push(entries))
    const scan = join(folder, 'passport.png')
    const bytes = await corpus.png()
    await writeFile(scan, bytes)

    await handlers.updateSettings({ scannerFolder: folder })
    await expect.poll(() => names(seen.at(-1)), { timeout: 5000 }).toEqual(['passport.png'])
    expect(names(await handlers.listScans(undefined))).toEqual(['passport.png'])

    const clientId = randomUUID()
    const attached = await handlers.attachDocument({ clientId, kind: 'identity', path: scan })
    expect(attached).toMatchObject({ kind: 'identity', fileName: 'passport.png' })
    expect(await readFile(scan)).toEqual(bytes)

    await handlers.updateSettings({ scannerFolder: '' })
    expect(seen.at(-1)).toEqual([])
  })
})
