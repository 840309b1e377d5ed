import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Arrivals } from '../../backend/arrivals'
import { createBackend, type Backend } from '../../backend/server'
import { cleanup, tempDir } from './desk'

const script = fileURLToPath(new URL('./child-desk.ts', import.meta.url))

interface Child {
  process: ChildProcess
  lines: string[]
  /** Resolves with the `count`th line matching, or rejects when the child ends first. */
  waitFor(pattern: RegExp, count?: number): Promise<string>
  exited: Promise<number | null>
}

function startChild(dataDir: string, backend: Backend, ...args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: {
      ...process.env,
      GUICHET_DATA_DIR: dataDir,
      GUICHET_BACKEND_URL: backend.url,
      GUICHET_TOKEN: backend.token,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines: string[] = []
  const waiters: { pattern: RegExp; count: number; resolve: (line: string) => void }[] = []
  const matching = (pattern: RegExp) => lines.filter((line) => pattern.test(line))
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const w of waiters) {
      if (w.pattern.test(line) && matching(w.pattern).length === w.count) w.resolve(line)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    process: child,
    lines,
    exited,
    waitFor: (pattern, count = 1) =>
      new Promise((resolve, reject) => {
        const found = matching(pattern)[count - 1]
        if (found) return resolve(found)
        waiters.push({ pattern, count, resolve })
        void exited.then(() => reject(new Error(`child ended before ${pattern}: ${lines.join(' | ')}`)))
      }),
  }
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL')
  await child.exited
}

const queuedIds = (child: Child) =>
  child.lines.filter((line) => line.startsWith('queued ')).map((line) => line.slice('queued '.length))

/** After a restart: every record on the desk was received once, with each of its documents. */
async function expectAllSentOnce(dataDir: string, backend: Backend): Promise<void> {
  const drained = startChild(dataDir, backend, 'sync')
  expect(await drained.waitFor(/^drained/)).toContain('"submitted"')
  expect(await drained.exited).toBe(0)
  const db = new Database(join(dataDir, 'guichet.sqlite'), { readonly: true })
  const rows = db.prepare("SELECT client_id, state FROM registrations WHERE state != 'draft'").all() as {
    client_id: string
    state: string
  }[]
  db.close()
  expect(rows.length).toBeGreaterThan(0)
  for (const { client_id, state } of rows) {
    expect(state).toBe('submitted')
    expect(backend.store.countRegistrations(client_id)).toBe(1)
    const held = backend.store.registrationByClientId(client_id)!
    expect(held.status).toBe('submitted')
    expect(backend.store.storedDocuments(held.id).sort()).toEqual(held.documents.map((d) => d.sha256).sort())
  }
  expect(backend.store.allRegistrations()).toHaveLength(rows.length)
}

const arrivals = new Arrivals()

// Each test starts two or three desks in processes of their own (tsx compiles at each start): on a
// loaded machine that alone passes vitest's 30 s. A guard against a hang, not a speed check.
describe('a desk killed at any instant resumes at next start', { timeout: 300_000 }, () => {
  let backend: Backend
  let dataDir: string
  beforeEach(async () => {
    backend = await createBackend({ onRequest: arrivals.onRequest })
    dataDir = tempDir('guichet-crash-')
  })
  afterEach(async () => {
    await backend.close()
    cleanup(dataDir)
  })

  it('killed while queuing registrations: each is queued whole or not at all, then sent once', async () => {
    const child = startChild(dataDir, backend, 'enqueue', '20')
    await child.waitFor(/^queued /, 3)
    await kill(child)
    const printed = queuedIds(child)

    await expectAllSentOnce(dataDir, backend)
    for (const clientId of printed) expect(backend.store.countRegistrations(clientId)).toBe(1)
  })

  it('killed during a document upload', async () => {
    const queue = startChild(dataDir, backend, 'enqueue', '3')
    expect(await queue.exited).toBe(0)
    backend.faults.add({ kind: 'delay', ms: 30_000, route: 'uploadDocument', times: 1 })
    const uploading = arrivals.next('uploadDocument')
    const sync = startChild(dataDir, backend, 'sync')
    await uploading
    await kill(sync)

    await expectAllSentOnce(dataDir, backend)
  })

  it('killed between the last upload and the submit', async () => {
    const queue = startChild(dataDir, backend, 'enqueue', '2')
    expect(await queue.exited).toBe(0)
    backend.faults.add({ kind: 'hang', route: 'submitRegistration', times: 1 })
    const submitting = arrivals.next('submitRegistration')
    const sync = startChild(dataDir, backend, 'sync')
    await submitting
    await kill(sync)
    expect(
      backend.log.filter((e) => e.route === 'uploadDocument' && e.status === 201).length,
    ).toBeGreaterThan(0)

    await expectAllSentOnce(dataDir, backend)
  })
})
