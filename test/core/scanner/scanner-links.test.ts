import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type * as Fs from 'node:fs'
import { existsSync } from 'node:fs'
import {
  link,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { inspectFile } from '../../../electron/core/documents/inspect'
import { scannerFs, type InspectFs } from '../../../electron/core/documents/read-stable'
import { scanThumbnail } from '../../../electron/core/documents/scan-thumbnail'
import { createHandlers, type HostHandlers } from '../../../electron/core/handlers'
import * as corpus from '../../fixtures/documents/corpus'
import { phonePhoto } from '../../fixtures/documents/realistic'

/**
 * Anyone who can write to the scanner folder (often a shared or network one) can leave a link there
 * named like a scan. It must not put the file it points to (a private photo of the desk's user here)
 * in the tray, in a thumbnail, or in a student's registration. Real links on a real file system.
 */
let dir: string
let folder: string
let home: string
let privatePhoto: string
let core: Core
const host: HostHandlers = { chooseFiles: async () => [] }

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-links-'))
  folder = join(dir, 'scans')
  home = join(dir, 'home')
  await mkdir(folder)
  await mkdir(join(home, 'Pictures'), { recursive: true })
  privatePhoto = join(home, 'Pictures', 'IMG_2041.jpg')
  await finished(privatePhoto, (await phonePhoto()).bytes)
  core = await openCore({
    dataDir: join(dir, 'data'),
    host: 'web',
    version: 'test',
    resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
  })
})
afterEach(async () => {
  core.close()
  vi.doUnmock('node:fs')
  vi.resetModules()
  await rm(dir, { recursive: true, force: true })
})

/** A file finished a minute ago: listed at the first look, with no settle wait. */
async function finished(path: string, bytes: Uint8Array) {
  await writeFile(path, bytes)
  const minuteAgo = (Date.now() - 60_000) / 1000
  await utimes(path, minuteAgo, minuteAgo)
}

async function followFolder() {
  const handlers = createHandlers(core, host)
  await handlers.updateSettings({ scannerFolder: folder })
  await core.scans.settled()
  return handlers
}

const listed = () => core.scans.list().map((entry) => entry.fileName)

describe('links in the scanner folder', () => {
  it('lists only regular files: no link to a file, a folder, or nowhere', async () => {
    await finished(join(folder, 'scan0041.pdf'), await corpus.pdf(1))
    await symlink(privatePhoto, join(folder, 'scan0042.jpg'))
    await symlink(join(home, 'Pictures'), join(folder, 'scan0043.pdf'))
    await symlink(join(dir, 'gone.pdf'), join(folder, 'scan0044.pdf'))
    await followFolder()
    expect(listed()).toEqual(['scan0041.pdf'])
  })

  it('gives no thumbnail of the file a link points to, through the tray’s own channel', async () => {
    const linked = join(folder, 'scan0042.jpg')
    await symlink(privatePhoto, linked)
    await followFolder()
    const answer = await dispatch(createHandlers(core, host), 'scanThumbnail', { path: linked }, core.admin)
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_granted' } })
    // Had the tray listed it a moment before (a scan swapped for a link since), the read refuses it.
    expect(await scanThumbnail(linked)).toEqual({ kind: 'none', code: 'file_unreadable' })
  })

  it('refuses a link in the folder even when the agent picks it in the dialog; one in their own folder is theirs', async () => {
    const handlers = await followFolder()
    const linked = join(folder, 'scan0042.jpg')
    await symlink(privatePhoto, linked)
    core.grants.grant([linked])
    const clientId = randomUUID()
    await expect(handlers.attachDocument({ clientId, kind: 'identity', path: linked })).rejects.toMatchObject(
      {
        code: 'file_unreadable',
      },
    )
    expect(core.documents.list(clientId)).toEqual([])
    expect(existsSync(privatePhoto)).toBe(true)

    // A link the agent keeps in their own folder, picked by them: followed as any file they choose.
    const own = join(home, 'passport-photo.jpg')
    await symlink(privatePhoto, own)
    core.grants.grant([own])
    const attached = await handlers.attachDocument({ clientId, kind: 'identity', path: own })
    expect(attached).toMatchObject({ kind: 'identity', fileName: 'passport-photo.jpg' })
    expect(attached).not.toHaveProperty('movedFromScanner')
    expect(existsSync(own)).toBe(true)
    expect(existsSync(privatePhoto)).toBe(true)
  })

  it('still takes in a regular scan of the folder and removes it from there', async () => {
    const scan = join(folder, 'scan0041.jpg')
    await finished(scan, (await phonePhoto()).bytes)
    const handlers = await followFolder()
    const attached = await handlers.attachDocument({ clientId: randomUUID(), kind: 'identity', path: scan })
    expect(attached).toMatchObject({ fileName: 'scan0041.jpg', movedFromScanner: true })
    expect(existsSync(scan)).toBe(false)
  })
})

describe('a scan swapped between the check and the read', () => {
  /** The folder's entry as stamped, then replaced by `swap` just before the read opens it. */
  function swappedBeforeRead(fs: InspectFs, swap: (path: string) => Promise<void>): InspectFs {
    return { ...fs, read: async (path, maxBytes) => (await swap(path), fs.read(path, maxBytes)) }
  }
  const forLink = async (path: string) => {
    await unlink(path)
    await symlink(privatePhoto, path)
  }

  it('does not open a link swapped in', async () => {
    const scan = join(folder, 'scan0042.jpg')
    await finished(scan, await corpus.jpeg())
    const result = await inspectFile(scan, { fs: swappedBeforeRead(scannerFs, forLink) })
    expect(result).toMatchObject({ ok: false, error: { code: 'file_unreadable' } })
  })

  it('where O_NOFOLLOW is missing (Windows), refuses the file the link opened, as it is not the folder’s entry', async () => {
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof Fs>()
      const constants = Object.fromEntries(
        Object.entries(fs.constants).filter(([name]) => name !== 'O_NOFOLLOW'),
      )
      return { ...fs, constants, default: { ...fs, constants } }
    })
    vi.resetModules()
    const windowsLike = await import('../../../electron/core/documents/read-stable')
    const scan = join(folder, 'scan0042.jpg')
    await finished(scan, await corpus.jpeg())
    await expect(
      windowsLike.readStable(scan, swappedBeforeRead(windowsLike.scannerFs, forLink)),
    ).rejects.toMatchObject({ code: 'file_changed' })
  })

  it('does not wait forever on a named pipe swapped in, which no one will ever write to', async () => {
    const scan = join(folder, 'scan0042.jpg')
    await finished(scan, await corpus.jpeg())
    const forPipe = async (path: string) => {
      await unlink(path)
      execFileSync('mkfifo', [path])
    }
    const result = await inspectFile(scan, { fs: swappedBeforeRead(scannerFs, forPipe) })
    expect(result).toMatchObject({ ok: false, error: { code: 'file_changed' } })
  })

  it('refuses another file renamed in with the same size and time (a hard link to a private one)', async () => {
    const photo = await readFile(privatePhoto)
    const { mtime } = await stat(privatePhoto)
    const scan = join(folder, 'scan0042.jpg')
    await writeFile(scan, Buffer.alloc(photo.length, 0x20))
    await utimes(scan, mtime, mtime)
    const hardLinked = async (path: string) => {
      const beside = join(folder, '.swap')
      await link(privatePhoto, beside)
      await rename(beside, path)
    }
    const result = await inspectFile(scan, { fs: swappedBeforeRead(scannerFs, hardLinked) })
    expect(result).toMatchObject({ ok: false, error: { code: 'file_changed' } })
  })
})
