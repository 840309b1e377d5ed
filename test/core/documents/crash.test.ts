import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../electron/core/core'
import * as corpus from '../../fixtures/documents/corpus'
import { secretsWithKey } from './crash-child'

const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url))
const key = randomBytes(32).toString('base64')
let dir: string
let dataDir: string
let scan: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-crash-'))
  dataDir = join(dir, 'data')
  scan = join(dir, 'passport.png')
  await writeFile(scan, await corpus.png())
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function start(...args: string[]): { process: ChildProcess; lines: AsyncIterator<string> } {
  const process = spawn('node', ['--import', 'tsx', child, ...args], {
    env: { ...globalThis.process.env, GUICHET_CRASH_KEY: key },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  return { process, lines: createInterface({ input: process.stdout! })[Symbol.asyncIterator]() }
}

async function kill(process: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => process.once('exit', resolve))
  process.kill('SIGKILL')
  await exited
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const { value, done } = await lines.next()
  if (done) throw new Error('The child ended without saying more.')
  return value
}

/** The desk started again after the crash, as on the next launch. */
const restart = (): Promise<Core> =>
  openCore({
    dataDir,
    host: 'web',
    version: 'crash-test',
    resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
    secrets: secretsWithKey(dataDir, key),
  })

const documentIds = (core: Core) => core.db.prepare('SELECT id FROM documents').pluck().all() as string[]
const vaultFiles = async (core: Core) => (await readdir(core.vault.dir).catch(() => [])).sort()

/** Every row's file is there and decrypts: no registration points at a missing or broken scan. */
async function expectNoDanglingRow(core: Core) {
  for (const id of documentIds(core)) expect((await core.vault.read(id)).length).toBeGreaterThan(0)
}

describe('a crash while a scan is taken in', () => {
  it('between the vault write and the row commit leaves only an orphan file, swept on restart', async () => {
    const clientId = randomUUID()
    const { process, lines } = start('pause', dataDir, scan, clientId)
    const [, id] = (await nextLine(lines)).split(' ')
    await kill(process)

    const core = await restart()
    try {
      expect(documentIds(core)).toEqual([])
      await expectNoDanglingRow(core)
      // The start-up sweep spares young files (a save may be under way); a later one removes it.
      expect(await vaultFiles(core)).toEqual([`${id}.bin`])
      const known = documentIds(core)
      expect((await core.vault.sweepOrphans(known, { graceMs: 0 })).removed).toEqual([`${id}.bin`])
      expect(await vaultFiles(core)).toEqual([])
    } finally {
      core.close()
    }
  })

  it('that does not happen keeps the file and its row together', async () => {
    const clientId = randomUUID()
    const { process, lines } = start('pause', dataDir, scan, clientId)
    const [, id] = (await nextLine(lines)).split(' ')
    process.stdin!.write('\n')
    expect(await nextLine(lines)).toBe('committed')
    await kill(process)

    const core = await restart()
    try {
      expect(documentIds(core)).toEqual([id])
      await expectNoDanglingRow(core)
      expect((await core.vault.sweepOrphans(documentIds(core), { graceMs: 0 })).removed).toEqual([])
    } finally {
      core.close()
    }
  })

  // Four child processes each start Node with tsx: minutes on a loaded two-core machine, not a figure.
  it(
    'at any moment of a run of attachments never leaves a row without its file',
    { timeout: 180_000 },
    async () => {
      for (let round = 0; round < 4; round++) {
        const { process, lines } = start('loop', dataDir, scan, randomUUID())
        expect(await nextLine(lines)).toBe('committed')
        // Lines keep coming while the child works; the kill lands wherever it is by then.
        for (let n = 0; n < 1 + round * 2; n++) await nextLine(lines)
        await kill(process)

        const core = await restart()
        try {
          await expectNoDanglingRow(core)
          await core.vault.sweepOrphans(documentIds(core), { graceMs: 0 })
          expect(await vaultFiles(core)).toEqual(
            documentIds(core)
              .map((id) => `${id}.bin`)
              .sort(),
          )
        } finally {
          core.close()
        }
      }
    },
  )
})
