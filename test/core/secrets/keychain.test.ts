import Database from 'better-sqlite3'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore } from '../../../electron/core/core'
import { accountFor, dataKey, osKeychain } from '../../../electron/core/secrets'
import { cleanup, documentFiles, openDesk, queueOne, resourcesDir, tempDir } from '../sync/desk'

// The real OS keychain: gnome-keyring in a private D-Bus session under `npm test` on Linux.
const store = osKeychain(`fr.guichet.test.${randomUUID()}`)
const created: string[] = []

afterEach(async () => {
  await Promise.all(created.splice(0).map((account) => store.delete(account)))
})

describe('the data key in the OS keychain', () => {
  it('is created once on first use, 256 bits, then read back the same', async () => {
    created.push(accountFor('/data/desk-a', 'data-key'))
    const first = await dataKey(store, '/data/desk-a')
    expect(first).toHaveLength(32)
    expect((await dataKey(store, '/data/desk-a')).equals(first)).toBe(true)
  })

  it('differs per data folder, so a demo folder never holds the desk key', async () => {
    created.push(accountFor('/data/desk-a', 'data-key'), accountFor('/data/desk-b', 'data-key'))
    const a = await dataKey(store, '/data/desk-a')
    const b = await dataKey(store, '/data/desk-b')
    expect(a.equals(b)).toBe(false)
  })

  it('stores and deletes a secret', async () => {
    await store.set('token', 's3cret')
    expect(await store.get('token')).toBe('s3cret')
    expect(await store.delete('token')).toBe(true)
    expect(await store.get('token')).toBeNull()
  })
})

describe('a data key gone from the keychain', () => {
  it('stops the desk with data_key_missing when records were sealed, and creates no new key', async () => {
    const dataDir = tempDir('guichet-keyless-')
    const account = accountFor(dataDir, 'data-key')
    created.push(account)
    try {
      const core = await openDesk(dataDir, null, { secrets: store })
      const clientId = await queueOne(core, await documentFiles(dataDir))
      core.close()
      const saved = (await store.get(account))!
      await store.delete(account)

      const reopen = () => openCore({ dataDir, secrets: store, host: 'cli', version: 'test', resourcesDir })
      const error = await reopen().catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'data_key_missing' })
      expect((error as Error).message).toContain(account)
      expect(await store.get(account)).toBeNull()

      // Support restores the entry: the record is read again, nothing was lost.
      await store.set(account, saved)
      const restored = await reopen()
      expect(restored.registrations.read(clientId).student.lastName).toBe('Nguyen')
      restored.close()
    } finally {
      cleanup(dataDir)
    }
  })

  it('is created afresh for a folder that holds nothing sealed yet', async () => {
    const dataDir = tempDir('guichet-new-')
    created.push(accountFor(dataDir, 'data-key'))
    try {
      const core = await openDesk(dataDir, null, { secrets: store })
      core.close()
      expect(await store.get(accountFor(dataDir, 'data-key'))).not.toBeNull()
    } finally {
      cleanup(dataDir)
    }
  })
})

describe('a data key that is not the one the desk data was sealed with', () => {
  /** Every byte the desk holds: its database (closed, so checkpointed) and its sealed scans. */
  function held(dataDir: string): Map<string, Buffer> {
    const db = new Database(join(dataDir, 'guichet.sqlite'), { readonly: true })
    try {
      const rows = [
        ...db.prepare('SELECT client_id, payload FROM registrations ORDER BY client_id').raw().all(),
        ...db.prepare('SELECT id, meta, meta_format FROM documents ORDER BY id').raw().all(),
        ...db.prepare('SELECT id, name FROM operators ORDER BY id').raw().all(),
      ]
      const vault = join(dataDir, 'documents')
      return new Map([
        ['rows', Buffer.from(JSON.stringify(rows))],
        ...readdirSync(vault).map((name) => [name, readFileSync(join(vault, name))] as [string, Buffer]),
      ])
    } finally {
      db.close()
    }
  }

  it('stops the desk with data_key_wrong, changes nothing, and the right key put back opens every record', async () => {
    const dataDir = tempDir('guichet-wrong-key-')
    const account = accountFor(dataDir, 'data-key')
    created.push(account)
    try {
      const core = await openDesk(dataDir, null, { secrets: store })
      const clientId = await queueOne(core, await documentFiles(dataDir))
      await core.operators.add('Awa Diallo', '4821')
      core.close()
      const right = (await store.get(account))!
      const before = held(dataDir)
      const other = randomBytes(32).toString('base64')
      await store.set(account, other)

      const reopen = () => openCore({ dataDir, secrets: store, host: 'cli', version: 'test', resourcesDir })
      const error = await reopen().catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'data_key_wrong' })
      expect((error as Error).message).toContain(account)
      expect(held(dataDir)).toEqual(before)
      expect(await store.get(account)).toBe(other)

      await store.set(account, right)
      const restored = await reopen()
      expect(restored.registrations.read(clientId).student.lastName).toBe('Nguyen')
      expect(
        restored.documents
          .list(clientId)
          .map((d) => d.fileName)
          .sort(),
      ).toEqual(['enrollment.pdf', 'passport.pdf'])
      expect(restored.operators.list().map((o) => o.name)).toEqual(['Awa Diallo'])
      restored.close()
    } finally {
      cleanup(dataDir)
    }
  })

  it('is refused for a desk holding only its agents, sealed before the check value existed', async () => {
    const dataDir = tempDir('guichet-wrong-key-')
    const account = accountFor(dataDir, 'data-key')
    created.push(account)
    try {
      const core = await openDesk(dataDir, null, { secrets: store })
      await core.operators.add('Awa Diallo', '4821')
      core.db.prepare("DELETE FROM settings WHERE key = 'data_key_check'").run()
      core.close()
      await store.set(account, randomBytes(32).toString('base64'))

      const error = await openDesk(dataDir, null, { secrets: store }).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'data_key_wrong' })
    } finally {
      cleanup(dataDir)
    }
  })

  it('does not stop a desk that holds nothing sealed yet', async () => {
    const dataDir = tempDir('guichet-wrong-key-')
    const account = accountFor(dataDir, 'data-key')
    created.push(account)
    try {
      ;(await openDesk(dataDir, null, { secrets: store })).close()
      await store.set(account, randomBytes(32).toString('base64'))

      const core = await openDesk(dataDir, null, { secrets: store })
      const clientId = await queueOne(core, await documentFiles(dataDir))
      expect(core.registrations.read(clientId).student.lastName).toBe('Nguyen')
      core.close()
    } finally {
      cleanup(dataDir)
    }
  })
})
