import Database from 'better-sqlite3'
import { closeSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useBackend } from '../backend/use-backend'
import { cleanup, documentFiles, openDesk, studentForm, tempDir } from '../core/sync/desk'
import { jsonLines as lines, runDesk, type Run } from './run-desk'

const t = useBackend()
let dirs: string[]

/** The desk CLI with the backend's address and token in its environment. */
const desk = (args: string[], env: Record<string, string> = {}, input = '') =>
  runDesk(args, { GUICHET_BACKEND_URL: t.backend.url, GUICHET_TOKEN: t.backend.token, ...env }, input)

/** Overwrites the root page of `index` in the closed database file, as a failing disk would. */
function damagePage(file: string, index: string): void {
  const db = new Database(file, { readonly: true })
  const page = db.pragma('page_size', { simple: true }) as number
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(index) as number
  db.close()
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(page, 0xa5), 0, page, (root - 1) * page)
  closeSync(fd)
}

/** The contract's student shape, as an admin would write it. */
function studentJson(dir: string, email = 'cli.student@example.org'): string {
  const student = { ...studentForm(email), emailConfirmation: undefined }
  const path = join(dir, `${email}.json`)
  writeFileSync(
    path,
    JSON.stringify({
      ...student,
      birthDate: '2005-04-17',
      contact: { ...student.contact, mobile: '+33612345678' },
    }),
  )
  return path
}

/** One student queued with both scans, as an admin would with `enqueue`. */
async function enqueueOne(dataDir: string): Promise<Run> {
  const files = await documentFiles(dataDir)
  const scans = ['--identity', files.identity, '--enrollment', files.enrollment]
  return desk(['enqueue', '--data-dir', dataDir, '--json', studentJson(dataDir), ...scans])
}

beforeEach(async () => {
  dirs = [tempDir('guichet-cli-'), tempDir('guichet-cli-other-')]
  // Provisioned desks: a desk id set in the settings (the token comes from GUICHET_TOKEN).
  for (const dir of dirs) (await openDesk(dir, null)).close()
})
afterEach(() => cleanup(...dirs))

describe('npm run desk', () => {
  it('enqueues, lists, syncs once, and the backend holds the registration once', async () => {
    const [dataDir] = dirs as [string]
    const enqueued = await enqueueOne(dataDir)
    expect(enqueued.code).toBe(0)
    const [{ clientId }] = lines(enqueued.stdout) as [{ clientId: string }]

    const before = await desk(['queue', '--json', '--data-dir', dataDir])
    expect(lines(before.stdout)).toEqual([
      { clientId, state: 'queued', attempts: 0, lastError: null, serverId: null },
    ])

    const synced = await desk(['sync', '--once', '--data-dir', dataDir])
    expect(synced.code).toBe(0)
    expect(lines(synced.stdout)[0]).toMatchObject({ online: true, counts: { submitted: 1 } })
    const [after] = lines((await desk(['queue', '--json', '--data-dir', dataDir])).stdout)
    expect(after).toMatchObject({ clientId, state: 'submitted' })
    expect(after?.['serverId']).toBe(t.backend.store.registrationByClientId(clientId)?.id)
    expect(t.backend.store.countRegistrations(clientId)).toBe(1)
  })

  it('refuses a registration the form would refuse, saying which fields, and queues nothing', async () => {
    const [dataDir] = dirs as [string]
    const files = await documentFiles(dataDir)
    const refused = await desk([
      'enqueue',
      '--data-dir',
      dataDir,
      '--json',
      studentJson(dataDir, 'not-an-email'),
      '--identity',
      files.identity,
    ])
    expect(refused.code).toBe(1)
    const { error } = JSON.parse(refused.stderr) as { error: { code: string; fields: { path: string }[] } }
    expect(error.code).toBe('invalid_registration')
    expect(error.fields.map((f) => f.path)).toContain('email')
    expect((await desk(['queue', '--json', '--data-dir', dataDir])).stdout).toBe('')
  })

  it('exits non-zero only when sync could not run at all, and never prints the token', async () => {
    const [dataDir] = dirs as [string]
    const offline = await desk(['sync', '--once', '--data-dir', dataDir], {
      GUICHET_BACKEND_URL: 'http://127.0.0.1:9',
    })
    expect(offline.code).toBe(3)
    const refused = await desk(['sync', '--once', '--data-dir', dataDir], {
      GUICHET_TOKEN: 'revoked-token-value',
    })
    expect(refused.code).toBe(4)
    expect(refused.stdout + refused.stderr).not.toContain('revoked-token-value')
    const unset = await desk(['sync', '--once', '--data-dir', dataDir], {
      GUICHET_BACKEND_URL: '',
      GUICHET_TOKEN: '',
    })
    expect(unset.code).toBe(2)
  })

  it('stops sync --once on a damaged database page with one line saying so, sending nothing and keeping the scans', async () => {
    const [dataDir] = dirs as [string]
    expect((await enqueueOne(dataDir)).code).toBe(0)
    // The desk opens and lists its queue; each pass of the sync starts with the purge, which meets the damage.
    damagePage(join(dataDir, 'guichet.sqlite'), 'registrations_to_purge')

    const synced = await desk(['sync', '--once', '--wait', '2', '--data-dir', dataDir])

    expect(synced.code).toBe(1)
    expect(JSON.parse(synced.stderr)).toEqual({
      error: { code: 'database_damaged', message: expect.stringContaining('Restart Guichet') },
    })
    expect(synced.stdout).toBe('')
    expect(t.backend.store.allRegistrations()).toEqual([])
    // The next start checks the file and keeps it aside with its scans, as database_corrupt says.
    const next = await desk(['queue', '--json', '--data-dir', dataDir])
    expect(JSON.parse(next.stderr)).toMatchObject({ error: { code: 'database_corrupt' } })
    const aside = readdirSync(dataDir).filter((name) => name.startsWith('documents.'))
    expect(aside.flatMap((name) => readdirSync(join(dataDir, name)))).toHaveLength(2)
  })

  it('exports on one desk and imports on another, then syncs without a duplicate', async () => {
    const [fair, office] = dirs as [string, string]
    const files = await documentFiles(fair)
    const offline = { GUICHET_BACKEND_URL: 'http://127.0.0.1:9' }
    await desk(
      [
        'enqueue',
        '--data-dir',
        fair,
        '--json',
        studentJson(fair),
        '--identity',
        files.identity,
        '--enrollment',
        files.enrollment,
      ],
      offline,
    )
    const file = join(fair, 'queue.guichet')
    const secret = { GUICHET_EXPORT_PASSPHRASE: 'seven ferns under the harbour bridge' }

    expect(lines((await desk(['export', file, '--data-dir', fair], secret)).stdout)).toEqual([
      { records: 1, documents: 2, skipped: 0, conflicts: [] },
    ])
    const wrong = await desk(['import', file, '--data-dir', office], {
      GUICHET_EXPORT_PASSPHRASE: 'wrong passphrase',
    })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('wrong_passphrase')
    // Importing the same file twice skips what is there already: transfer.test.ts shows it on the core.
    expect((await desk(['import', file, '--data-dir', office], secret)).code).toBe(0)

    expect((await desk(['sync', '--once', '--data-dir', office])).code).toBe(0)
    expect((await desk(['sync', '--once', '--data-dir', fair])).code).toBe(0)
    expect(t.backend.store.allRegistrations()).toHaveLength(1)
    // Three scrypt derivations of 128 MiB in child processes: slow on a loaded machine.
  }, 90_000)

  it('refuses a guessable export passphrase, and gives a generated one for an empty answer', async () => {
    const [fair, office] = dirs as [string, string]
    const files = await documentFiles(fair)
    const offline = { GUICHET_BACKEND_URL: 'http://127.0.0.1:9' }
    const args = ['--data-dir', fair, '--json', studentJson(fair), '--identity', files.identity]
    await desk(['enqueue', ...args, '--enrollment', files.enrollment], offline)
    const file = join(fair, 'queue.guichet')

    const weak = await desk(['export', file, '--data-dir', fair], {
      GUICHET_EXPORT_PASSPHRASE: 'Guichet2026!',
    })
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('passphrase_weak')

    const generated = await desk(['export', file, '--data-dir', fair], {}, '\n')
    expect(generated.code).toBe(0)
    const passphrase = /: ([a-z2-9]{4}(?:-[a-z2-9]{4}){5})$/m.exec(generated.stderr)?.[1]
    expect(passphrase).toBeDefined()
    expect(generated.stdout).not.toContain(passphrase)
    const imported = await desk(['import', file, '--data-dir', office], {
      GUICHET_EXPORT_PASSPHRASE: passphrase!,
    })
    expect(lines(imported.stdout)).toEqual([{ records: 1, documents: 2, skipped: 0, conflicts: [] }])
  }, 90_000)
})
