import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore } from '../../../electron/core/core'
import { migrate } from '../../../electron/core/db/migrate'
import { migrations } from '../../../electron/core/db/migrations'
import { SEALED_TABLES } from '../../../electron/core/db/sealed-data'
import { accountFor, osKeychain } from '../../../electron/core/secrets'
import { cleanup, documentFiles, openDesk, queueOne, resourcesDir, tempDir } from '../sync/desk'

/** Tables that hold nothing under the data key, each with why: a lost key leaves them readable. */
const NOTHING_SEALED: Record<string, string> = {
  settings: 'plain JSON settings and sync state; the desk token and admin PIN are in the keychain',
  outbox_counts: 'counts of records per state',
  pin_tries: 'failed PIN attempts per agent id',
  vault_issued: 'document ids handed to the vault',
}

describe('the tables a lost data key is checked against', () => {
  it('are every table of the schema, unless it is listed as holding nothing under the key', () => {
    const db = new Database(':memory:')
    migrate(db, migrations)
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
    const sealed: readonly string[] = SEALED_TABLES
    expect(sealed.filter((table) => table in NOTHING_SEALED)).toEqual([])
    expect(tables.filter((table) => !sealed.includes(table) && !(table in NOTHING_SEALED))).toEqual([])
    expect([...sealed, ...Object.keys(NOTHING_SEALED)].filter((table) => !tables.includes(table))).toEqual([])
  })
})

// The real OS keychain: gnome-keyring in a private D-Bus session (scripts/with-keyring.sh).
const store = osKeychain(`fr.guichet.test.${randomUUID()}`)
let dataDir: string | undefined
let account: string | undefined

afterEach(async () => {
  if (account) await store.delete(account)
  if (dataDir) cleanup(dataDir)
  dataDir = account = undefined
})

const reopen = () =>
  openCore({ dataDir: dataDir!, secrets: store, host: 'cli', version: 'test', resourcesDir })

async function refused(): Promise<unknown> {
  return reopen().then(
    (core) => {
      core.close()
      return 'opened'
    },
    (error: unknown) => error,
  )
}

describe('a data key gone from the keychain', () => {
  it('stops a desk that has agents and an audit log but no registration yet, and makes no new key', async () => {
    dataDir = tempDir('guichet-agents-only-')
    account = accountFor(dataDir, 'data-key')
    const first = await openDesk(dataDir, null, { secrets: store })
    const amina = await first.operators.add('Amina Diallo', '482916')
    first.audit.record({ action: 'admin_pin_set' })
    expect(first.db.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(0)
    first.close()
    const saved = (await store.get(account))!
    await store.delete(account)

    expect(await refused()).toMatchObject({ code: 'data_key_missing' })
    expect(await store.get(account)).toBeNull()

    // Support restores the entry: the agent signs in and the audit log still verifies.
    await store.set(account, saved)
    const restored = await reopen()
    try {
      await restored.session.signIn(amina.id, '482916')
      expect(restored.session.current()).toMatchObject({ name: 'Amina Diallo' })
      expect(restored.audit.verify()).toMatchObject({ ok: true })
    } finally {
      restored.close()
    }
  })

  it('stops a desk whose database was deleted while its scans are still in the folder', async () => {
    dataDir = tempDir('guichet-scans-only-')
    account = accountFor(dataDir, 'data-key')
    const first = await openDesk(dataDir, null, { secrets: store })
    await queueOne(first, await documentFiles(dataDir))
    first.close()
    await store.delete(account)
    rmSync(join(dataDir, 'guichet.sqlite'))

    expect(await refused()).toMatchObject({ code: 'data_key_missing' })
    expect(await store.get(account)).toBeNull()
  })
})
