import { randomUUID } from 'node:crypto'
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { GrantedPaths } from '../../../electron/core/documents/granted-paths'
import { createHandlers } from '../../../electron/core/handlers'
import { pdf } from '../../fixtures/documents/corpus'
import { cleanup, openDesk, tempDir } from '../sync/desk'

let dataDir: string
let elsewhere: string
let core: Core
let attach: (path: string) => Promise<unknown>

beforeEach(async () => {
  dataDir = tempDir('guichet-grants-')
  elsewhere = tempDir('guichet-home-')
  core = await openDesk(dataDir, null)
  const handlers = createHandlers(core, { chooseFiles: () => [] })
  const clientId = randomUUID()
  attach = async (path) => handlers.attachDocument({ clientId, kind: 'identity', path })
})
afterEach(() => {
  core.close()
  cleanup(dataDir, elsewhere)
})

async function aScan(dir: string, name = 'passport.pdf'): Promise<string> {
  const path = join(dir, name)
  writeFileSync(path, await pdf(1))
  return path
}

describe('attachDocument reads only files the agent handed over', () => {
  it('refuses a path the page made up, even of a readable scan, with not_granted', async () => {
    const path = await aScan(elsewhere)
    await expect(attach(path)).rejects.toMatchObject({ code: 'not_granted' })
    await expect(attach(join(dataDir, 'guichet.sqlite'))).rejects.toMatchObject({ code: 'not_granted' })
  })

  it('takes a file once granted (dialog, drop, upload), under any spelling of its path', async () => {
    const path = await aScan(elsewhere)
    core.grantFiles([path])
    await expect(attach(path)).resolves.toMatchObject({ mediaType: 'application/pdf' })
    await expect(
      attach(join(elsewhere, '..', elsewhere.split('/').pop()!, 'passport.pdf')),
    ).resolves.toMatchObject({
      mediaType: 'application/pdf',
    })
  })

  it('takes a scan listed in the scanner folder now, and no other file of the disk', async () => {
    const folder = join(elsewhere, 'scans')
    mkdirSync(folder)
    const scan = await aScan(folder)
    // Written a minute ago: the folder lists it as a finished scan at once.
    const aMinuteAgo = new Date(Date.now() - 60_000)
    utimesSync(scan, aMinuteAgo, aMinuteAgo)
    core.settings.update({ scannerFolder: folder })
    core.scans.follow(folder)
    await core.scans.settled()
    expect(core.scans.list().map((e) => e.path)).toEqual([scan])
    await expect(attach(scan)).resolves.toMatchObject({ mediaType: 'application/pdf' })
    await expect(attach(await aScan(elsewhere, 'other.pdf'))).rejects.toMatchObject({ code: 'not_granted' })
  })
})

describe('on Windows', () => {
  const grants = new GrantedPaths('win32')
  it.each([
    '\\\\server\\share\\passport.pdf',
    '//server/share/passport.pdf',
    '\\\\?\\C:\\Users\\desk\\passport.pdf',
    '\\\\.\\PhysicalDrive0',
    '\\\\?\\UNC\\server\\share\\passport.pdf',
  ])('refuses the network or device path %s, even granted', (path) => {
    grants.grant([path])
    expect(() => grants.assert(path)).toThrow(expect.objectContaining({ code: 'network_path' }))
  })

  it('takes a local path granted, however its folders are spelled', () => {
    grants.grant(['C:\\Users\\desk\\Desktop\\passport.pdf'])
    expect(() => grants.assert('C:\\Users\\desk\\Desktop\\..\\Desktop\\passport.pdf')).not.toThrow()
    expect(() => grants.assert('C:\\Users\\desk\\Desktop\\other.pdf')).toThrow(
      expect.objectContaining({ code: 'not_granted' }),
    )
  })

  it('takes for a scanner entry only the entries listed now, whatever else was granted', () => {
    const scans = ['C:\\Scans\\SCAN0042.PDF']
    grants.grant(['C:\\Users\\desk\\Desktop\\chosen.pdf'])
    expect(() => grants.assertAmong('C:\\Scans\\..\\Scans\\SCAN0042.PDF', scans)).not.toThrow()
    expect(() => grants.assertAmong('C:\\Users\\desk\\Desktop\\chosen.pdf', scans)).toThrow(
      expect.objectContaining({ code: 'not_granted' }),
    )
    expect(() =>
      grants.assertAmong('\\\\scanner\\Scans\\SCAN0042.PDF', ['\\\\scanner\\Scans\\SCAN0042.PDF']),
    ).toThrow(expect.objectContaining({ code: 'network_path' }))
  })
})
