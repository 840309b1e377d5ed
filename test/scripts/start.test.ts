import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findElectron } from '../../scripts/electron-binary.mjs'

const root = resolve(import.meta.dirname, '../..')
const emptyDist = mkdtempSync(join(tmpdir(), 'guichet-no-electron-'))
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }))

/** `npm start` as a person runs it; an override of the Electron binary comes only from the test. */
function start(env: { ELECTRON_OVERRIDE_DIST_PATH?: string }) {
  return spawnSync(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: undefined, ...env },
    encoding: 'utf8',
  })
}

describe('npm start without an Electron binary', () => {
  it.skipIf(findElectron(root).binary)('says so in one line and exits 1, without trying to download', () => {
    const run = start({})
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(
      /^Guichet cannot start: the Electron binary is not installed \(.*\): run .*\.\n$/,
    )
  })

  it('names the missing binary when ELECTRON_OVERRIDE_DIST_PATH points at an empty folder', () => {
    const run = start({ ELECTRON_OVERRIDE_DIST_PATH: emptyDist })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(
        `^Guichet cannot start: the Electron binary is not installed \\(${join(emptyDist, 'electron')} does not exist\\)`,
      ),
      '',
    ])
  })
})
