import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanup, openDesk, tempDir } from '../sync/desk'

const script = fileURLToPath(new URL('./lock-child.ts', import.meta.url))
let dataDir: string

beforeEach(() => {
  dataDir = tempDir('guichet-lock-')
})
afterEach(() => cleanup(dataDir))

/** Another process with the desk open (the app while an admin runs a command, say). */
async function deskInAnotherProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, GUICHET_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  const lines = createInterface({ input: child.stdout })
  const [line] = (await Promise.race([once(lines, 'line'), exited.then(() => ['exited'])])) as string[]
  expect(line).toBe('open')
  return {
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

// A child process with tsx takes seconds to start on a loaded machine.
describe('one process per data folder', { timeout: 120_000 }, () => {
  it('refuses a second core on the folder with desk_in_use, and opens once the first is closed', async () => {
    const first = await openDesk(dataDir, null)
    await expect(openDesk(dataDir, null)).rejects.toMatchObject({ code: 'desk_in_use' })
    first.close()
    const second = await openDesk(dataDir, null)
    second.close()
  })

  it('refuses while another process holds it, and is not blocked once that process was killed', async () => {
    const other = await deskInAnotherProcess()
    await expect(openDesk(dataDir, null)).rejects.toMatchObject({ code: 'desk_in_use' })
    await other.kill()
    const core = await openDesk(dataDir, null)
    expect(core.outbox.counts().queued).toBe(0)
    core.close()
  })
})
