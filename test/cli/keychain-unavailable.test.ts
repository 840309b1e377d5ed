import Database from 'better-sqlite3'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountFor, osKeychain } from '../../electron/core/secrets'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../core/sync/desk'
import { runDesk, stderrLines } from './run-desk'

const lockedKeyring = fileURLToPath(new URL('./with-locked-keyring.sh', import.meta.url))
// The desk's own keychain: the unlocked gnome-keyring scripts/with-keyring.sh started for the tests.
const keychain = osKeychain()
let dataDir: string
let account: string
let key: string

beforeEach(async () => {
  dataDir = tempDir('guichet-keychain-')
  account = accountFor(dataDir, 'data-key')
  const core = await openDesk(dataDir, null)
  await queueOne(core, await documentFiles(dataDir))
  core.close()
  key = (await keychain.get(account))!
})
afterEach(async () => {
  await keychain.delete(account)
  cleanup(dataDir)
})

/** What a failed start must leave as it was: the records, the scans, the key. */
async function desk() {
  const db = new Database(join(dataDir, 'guichet.sqlite'), { readonly: true })
  try {
    return {
      registrations: db.prepare('SELECT client_id, state FROM registrations').all(),
      scans: readdirSync(join(dataDir, 'documents')).sort(),
      key: await keychain.get(account),
    }
  } finally {
    db.close()
  }
}

function refusal(run: { code: number; stderr: string }) {
  expect(run.code).toBe(1)
  const [line] = stderrLines(run.stderr)
  return (line as { error: { code: string; message: string } }).error
}

describe('desk status when the system keychain cannot be used', () => {
  it('says keychain_unavailable with no D-Bus session to reach it, and changes nothing', async () => {
    const before = await desk()
    const run = await runDesk(['status', '--data-dir', dataDir], {
      DBUS_SESSION_BUS_ADDRESS: '',
      DISPLAY: '',
    })
    const error = refusal(run)
    expect(error.code).toBe('keychain_unavailable')
    expect(error.message).toMatch(/could not be reached or is locked .*log in to the desktop session/)
    expect(await desk()).toEqual(before)
    // Back in the session, the same desk opens with its queue.
    expect((await runDesk(['status', '--data-dir', dataDir])).code).toBe(0)
  })

  it('says keychain_unavailable, not data_key_missing, when the keychain holding the key is locked', async () => {
    const before = await desk()
    const seed = { GUICHET_SEED_ACCOUNT: account, GUICHET_SEED_VALUE: key }
    const error = refusal(await runDesk(['status', '--data-dir', dataDir], seed, '', lockedKeyring))
    expect(error.code).toBe('keychain_unavailable')
    expect(error.message).toMatch(/locked collection/)
    expect(await desk()).toEqual(before)
  })

  it('makes no key for a new desk folder while the keychain is locked', async () => {
    const fresh = tempDir('guichet-keychain-new-')
    try {
      const seed = { GUICHET_SEED_ACCOUNT: 'other', GUICHET_SEED_VALUE: 'x' }
      const error = refusal(await runDesk(['status', '--data-dir', fresh], seed, '', lockedKeyring))
      expect(error.code).toBe('keychain_unavailable')
    } finally {
      cleanup(fresh)
    }
  })
})
