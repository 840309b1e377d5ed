import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openCore } from '../../electron/core/core'
import { fill, mountSmallDisk, tmpfsAllowed } from '../fixtures/small-disk'
import { resourcesDir } from '../core/sync/desk'
import { FakeBrowserWindow, type FakeElectron } from './fake-electron'

const fake: FakeElectron = await vi.hoisted(async () =>
  (await import('./fake-electron')).createFakeElectron(),
)
vi.mock('electron', () => fake.electron)

let disk: ReturnType<typeof mountSmallDisk>
beforeEach(() => {
  fake.reset()
  Object.assign(process, { resourcesPath: process.cwd() })
})
afterEach(() => disk?.unmount())

/** The app's start on a desk whose disk has `room` bytes left, through electron/main as it runs. */
async function startOnAlmostFullDisk(room: number): Promise<void> {
  disk = mountSmallDisk()
  const dataDir = join(disk.mountPoint, 'Guichet')
  // Yesterday's session: the desk was used and closed cleanly, then the disk filled up.
  ;(await openCore({ dataDir, host: 'electron', version: 'test', resourcesDir })).close()
  fill(join(disk.mountPoint, 'downloads.bin'), room)
  fake.state.userData = dataDir
  vi.resetModules()
  const { runApp } = await import('../../electron/main/app')
  runApp()
  fake.ready()
  await vi.waitFor(() => expect(fake.state.errorBoxes).toHaveLength(1))
}

describe.skipIf(!tmpfsAllowed())('starting on a full disk (skipped: mounting a tmpfs needs root)', () => {
  it.each([
    ['a few KiB left (SQLite: disk I/O error, SQLITE_IOERR_SHMSIZE)', 8 * 1024],
    ['not one byte left (SQLite: database or disk is full)', 0],
  ])('with %s, the start dialog says the disk is full and what to do, as the CLI does', async (_, room) => {
    await startOnAlmostFullDisk(room)
    expect(fake.state.errorBoxes[0]).toMatch(/^Guichet cannot open the desk: its disk is full or read-only\./)
    expect(fake.state.errorBoxes[0]).toMatch(/Free some space/)
    expect(fake.state.errorBoxes[0]).not.toMatch(/I\/O|SQLITE/)
    expect(fake.state.quit).toBe(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})
