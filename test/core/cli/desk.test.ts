import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as corpus from '../../fixtures/documents/corpus'

const main = fileURLToPath(new URL('../../../electron/core/cli/main.ts', import.meta.url))
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-desk-cli-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** `npm run desk -- ARGS`, as an admin types it: stdout, stderr and the exit code. */
async function desk(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--import', 'tsx', main, ...args])
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const {
      stdout = '',
      stderr = '',
      code = -1,
    } = error as { stdout?: string; stderr?: string; code?: number }
    return { stdout, stderr, code }
  }
}

it('`desk inspect` prints one JSON line per file and exits 1 when one is refused', async () => {
  const good = join(dir, 'certificat.pdf')
  const misnamed = join(dir, 'capture.jpg')
  const lying = join(dir, 'photo.jpg')
  await writeFile(good, await corpus.pdf(1))
  await writeFile(misnamed, await corpus.png())
  await writeFile(lying, await corpus.gif())

  const { stdout, code } = await desk('inspect', good, misnamed, lying)

  expect(code).toBe(1)
  expect(
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)),
  ).toEqual([
    expect.objectContaining({ file: good, ok: true, mediaType: 'application/pdf', pages: 1 }),
    expect.objectContaining({ file: misnamed, ok: true, mediaType: 'image/png', extensionMismatch: '.jpg' }),
    { file: lying, ok: false, error: { code: 'type_mismatch', message: expect.any(String) } },
  ])
})

it('lists its commands on an unknown one, and exits 2', async () => {
  const { stderr, code } = await desk('frobnicate')
  expect(code).toBe(2)
  expect(stderr).toContain('Unknown command "frobnicate"')
  expect(stderr).toMatch(/inspect\s+check files/)
})
