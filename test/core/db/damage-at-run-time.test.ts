import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import { en } from '../../../src/i18n/en'
import { fr } from '../../../src/i18n/fr'
import { secretsWithKey } from '../documents/crash-child'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

let dir: string
let dataDir: string
let file: string
const opened: Core[] = []
const key = randomBytes(32).toString('base64')

beforeEach(() => {
  dir = tempDir('guichet-damage-')
  dataDir = join(dir, 'data')
  file = join(dataDir, 'guichet.sqlite')
})
afterEach(() => {
  for (const core of opened.splice(0)) if (core.db.open) core.close()
  cleanup(dir)
})

const start = async (onUnexpected?: (error: unknown) => void): Promise<Core> => {
  const core = await openDesk(dataDir, null, {
    secrets: secretsWithKey(dataDir, key),
    ...(onUnexpected && { onUnexpected }),
  })
  opened.push(core)
  return core
}

/**
 * What a failing disk does to a closed desk's file: garbage over the root page of one table or index
 * (found through sqlite_schema.rootpage), every other page intact.
 */
function overwritePage(index: string): void {
  const db = new Database(file)
  // Every committed page in the file itself, so the garbage is what SQLite reads next.
  db.pragma('wal_checkpoint(TRUNCATE)')
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(index) as number
  db.close()
  const fd = openSync(file, 'r+')
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize)
  } finally {
    closeSync(fd)
  }
}

const listQueue = (core: Core) =>
  dispatch(createHandlers(core, { chooseFiles: async () => [] }), 'listQueue', {}, core.admin)

describe('a database page damaged after a clean close', () => {
  it('answers database_damaged, not internal, and the next start sets the file aside with its scans', async () => {
    const first = await start()
    const files = await documentFiles(dir)
    await queueOne(first, files)
    await queueOne(first, files)
    first.close()
    overwritePage('registrations_queue')

    // The clean close skips the check at start: the desk opens, and meets the damage when it reads.
    const second = await start()
    const answer = await listQueue(second)
    expect(answer).toMatchObject({ ok: false, error: { code: 'database_damaged' } })
    expect(fr.errors).toHaveProperty('database_damaged')
    expect(en.errors.database_damaged).toContain('Restart Guichet')
    // A clean quit after that must not vouch for the file again.
    second.close()

    const refused = await start().catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'database_corrupt' })
    const aside = readdirSync(dataDir)
    expect(aside.some((name) => /^guichet\.sqlite\.damaged-/.test(name))).toBe(true)
    expect(aside.some((name) => /^documents\.damaged-/.test(name))).toBe(true)

    // And the desk starts again, on a new database, as the start dialog says.
    const third = await start()
    expect(await listQueue(third)).toMatchObject({ ok: true, value: { items: [] } })
  })

  it('met by the queue counts timer, is logged instead of ending the process, and set aside at the next start', async () => {
    const first = await start()
    const clientId = await queueOne(first, await documentFiles(dir))
    first.db.prepare("UPDATE registrations SET state = 'retry_wait' WHERE client_id = ?").run(clientId)
    first.close()
    overwritePage('outbox_counts')

    let met: (error: unknown) => void = () => {}
    const logged = new Promise<unknown>((resolve) => (met = resolve))
    const second = await start((error) => met(error))
    // "Retry now" touches no count; the page hears of the change from a timer, which reads the counts.
    expect(second.outbox.retryNow()).toBe(1)
    expect(await logged).toMatchObject({ code: expect.stringMatching(/^SQLITE_CORRUPT/) })
    second.close()

    expect(await start().catch((error: unknown) => error)).toMatchObject({ code: 'database_corrupt' })
  })
})
