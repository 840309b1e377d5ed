import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { accountFor, dataKey, osKeychain } from '../../../electron/core/secrets'

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
