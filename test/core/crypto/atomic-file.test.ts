import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isAtomicTempFile, writeFileAtomic } from '../../../electron/core/crypto/atomic-file'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guichet-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const target = join(dir, 'doc.bin')
    await writeFileAtomic(target, Buffer.from('first'))
    await writeFileAtomic(target, Buffer.from('second'))
    expect(await readFile(target, 'utf8')).toBe('second')
    expect(await readdir(dir)).toEqual(['doc.bin'])
  })

  it.skipIf(process.platform === 'win32')('makes the file readable by its owner only', async () => {
    const target = join(dir, 'doc.bin')
    await writeFileAtomic(target, Buffer.from('secret'))
    expect((await stat(target)).mode & 0o777).toBe(0o600)
  })

  it('leaves the old file and no temporary file when the write fails', async () => {
    const target = join(dir, 'doc.bin')
    await writeFile(target, 'old')
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'doc.bin'), Buffer.from('x'))).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['doc.bin'])
  })

  it(
    'leaves either the old or the new content when the process is killed mid-write',
    { timeout: 120_000 },
    async () => {
      const size = 32 * 1024 * 1024
      const target = join(dir, 'doc.bin')
      await writeFileAtomic(target, Buffer.alloc(size, 0))
      for (const killAt of [2, 3, 5]) {
        await killWhileWriting(target, size, killAt)
        const content = await readFile(target)
        // Whole versions only: every byte holds the number of the one version that was renamed in.
        expect(content.equals(Buffer.alloc(size, content[0] ?? 0))).toBe(true)
        expect((await readdir(dir)).filter((name) => name !== 'doc.bin').every(isAtomicTempFile)).toBe(true)
      }
    },
  )
})

/**
 * Runs the writer in a child and, once it announces version `killAt`, SIGKILLs it as soon as its
 * temporary file shows up in the folder: that is, while the new version is being written or flushed.
 */
function killWhileWriting(target: string, size: number, killAt: number): Promise<void> {
  const script = fileURLToPath(new URL('./atomic-writer.ts', import.meta.url))
  const child = spawn(process.execPath, ['--import', 'tsx', script, target, String(size)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (_, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error('the writer exited without being killed')),
    )
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (!output.includes(`writing ${killAt}\n`)) return
    child.stdout.removeAllListeners('data')
    void killOnceTempFileAppears(child)
  })
  return exited
}

async function killOnceTempFileAppears(child: ReturnType<typeof spawn>): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    if ((await readdir(dir)).some(isAtomicTempFile)) break
  }
  child.kill('SIGKILL')
}
