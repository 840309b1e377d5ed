import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBackend } from '../backend/server'
import { useBackend } from '../backend/use-backend'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../core/sync/desk'
import { jsonLines, runDesk } from './run-desk'

const t = useBackend()
let dataDir: string

/** An admin's shell: no backend address or token in the environment, only what the desk holds. */
const desk = (...args: string[]) =>
  runDesk([...args, '--data-dir', dataDir], { GUICHET_BACKEND_URL: '', GUICHET_TOKEN: '' })
interface PrintedError {
  code: string
  message: string
  fields: { path: string; code: string }[]
  missing: string[]
}
const errorOf = (stderr: string) => (jsonLines(stderr)[0] as { error: PrintedError }).error

beforeEach(() => {
  dataDir = tempDir('guichet-provision-')
})
afterEach(() => cleanup(dataDir))

/** Each test starts several CLI processes (tsx, SQLite, the keychain): a cap for a loaded machine, not a timing. */
const processes = { timeout: 180_000 }

describe('npm run desk -- provision', processes, () => {
  it('enrolls from a code typed with spaces, and status then says enrolled and online', async () => {
    t.backend.enrollments.add(
      { code: 'ABCD2345EFGH', deskId: 'paris-fair-3', event: 'Salon Paris' },
      new Date(),
    )
    const before = jsonLines((await desk('status')).stdout)[0]
    expect(before).toMatchObject({
      enrolled: false,
      missing: ['backendUrl', 'deskId', 'token'],
      online: false,
    })

    const enrolled = await desk('provision', '--backend', t.backend.url, '--code', 'abcd', '2345', 'efgh')
    expect(enrolled.code).toBe(0)
    expect(jsonLines(enrolled.stdout)).toEqual([
      { enrolled: true, deskId: 'paris-fair-3', eventName: 'Salon Paris', backendUrl: t.backend.url },
    ])
    const status = await desk('status')
    expect(status.code).toBe(0)
    expect(jsonLines(status.stdout)[0]).toMatchObject({
      enrolled: true,
      missing: [],
      deskId: 'paris-fair-3',
      backendUrl: t.backend.url,
      online: true,
      counts: { queued: 0, submitted: 0 },
      lastSyncAt: null,
      appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    })
    const issued = t.backend.enrollments.get('ABCD2345EFGH')?.issued?.token ?? ''
    expect(status.stdout + enrolled.stdout).not.toContain(issued)
    // The token went to the keychain: sync needs nothing else.
    expect((await desk('sync', '--once')).code).toBe(0)
  })

  // Unknown and expired codes answer like a used one (exit 1): enroll.test.ts tells the three apart.
  it('names the reason in one line and exits non-zero: a used code, an unreachable backend', async () => {
    const now = new Date()
    t.backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'used' }, now)
    t.backend.enrollments.redeem('JKMN6789PQRS', 'elsewhere', now)
    const down = await createBackend()
    await down.close()
    const cases = [
      [t.backend.url, 'JKMN-6789-PQRS', 1, 'enrollment_code_used'],
      [down.url, 'ABCD-2345-EFGH', 3, 'backend_unreachable'],
    ] as const
    for (const [url, code, exit, reason] of cases) {
      const run = await desk('provision', '--backend', url, '--code', code)
      expect([run.code, errorOf(run.stderr).code]).toEqual([exit, reason])
      expect(run.stderr.trim().split('\n')).toHaveLength(1)
    }
    // Nothing half-configured: no address, no desk id, no token.
    expect(jsonLines((await desk('status')).stdout)[0]).toMatchObject({
      missing: ['backendUrl', 'deskId', 'token'],
    })
  })

  it('takes desk.json, removes the code from it, and refuses a file that is not JSON or has a bad field', async () => {
    t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'lyon-2' }, new Date())
    const file = join(dataDir, 'desk.json')
    writeFileSync(file, '{"backendUrl": "' + t.backend.url + '", "enrollmentCode": "ABCD-2345-EFGH",')
    expect(errorOf((await desk('provision', '--file', file)).stderr).code).toBe('provisioning_file_not_json')

    writeFileSync(
      file,
      JSON.stringify({ backendUrl: t.backend.url, enrollmentCode: 'ABCD-2345-EFGH', token: 'x' }),
    )
    const unknownKey = await desk('provision', '--file', file)
    expect(unknownKey.code).toBe(1)
    expect(errorOf(unknownKey.stderr)).toMatchObject({ code: 'provisioning_file_invalid' })
    expect(errorOf(unknownKey.stderr).message).toContain('token: not a field of desk.json')

    writeFileSync(
      file,
      JSON.stringify({ backendUrl: t.backend.url, enrollmentCode: 'ABCD-2345-EFGH', retentionDays: 5000 }),
    )
    expect(errorOf((await desk('provision', '--file', file)).stderr).message).toContain(
      'retentionDays: a whole number of days from 0 to 3650',
    )
    expect(t.backend.enrollments.get('ABCD2345EFGH')?.usedAt).toBeNull()

    const deskContact = 'Accueil international – Bâtiment A – 04 72 00 00 00'
    writeFileSync(
      file,
      JSON.stringify({
        backendUrl: t.backend.url,
        enrollmentCode: 'ABCD-2345-EFGH',
        retentionDays: 9,
        deskContact,
      }),
    )
    const enrolled = await desk('provision', '--file', file)
    expect(enrolled.code).toBe(0)
    expect(jsonLines(enrolled.stdout)[0]).toMatchObject({ deskId: 'lyon-2', codeRemovedFromFile: true })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      backendUrl: t.backend.url,
      retentionDays: 9,
      deskContact,
    })
    expect(jsonLines((await desk('settings', 'get', 'retentionDays', 'deskContact')).stdout)).toEqual([
      { retentionDays: 9, deskContact },
    ])
  })
})

describe('npm run desk -- --backend', processes, () => {
  it("sends the keychain token only to the desk's own backend: another one needs GUICHET_TOKEN", async () => {
    t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'paris-fair-3' }, new Date())
    expect((await desk('provision', '--backend', t.backend.url, '--code', 'ABCD2345EFGH')).code).toBe(0)
    const core = await openDesk(dataDir, null)
    const clientId = await queueOne(core, await documentFiles(dataDir))
    core.close()
    const other = await createBackend()
    try {
      const elsewhere = await desk('sync', '--once', '--backend', other.url)
      expect(elsewhere.code).toBe(2)
      expect(errorOf(elsewhere.stderr).message).toContain('GUICHET_TOKEN')
      // Plain HTTP to another machine is refused as the Settings refuse it, before anything is sent.
      const plain = await runDesk(['sync', '--once', '--data-dir', dataDir], {
        GUICHET_BACKEND_URL: 'http://192.0.2.10:8080',
        GUICHET_TOKEN: 'explicit-token-value',
      })
      expect(plain.code).toBe(2)
      expect(errorOf(plain.stderr).message).toContain('https://')
      expect(other.log).toEqual([])

      // The same origin written another way is the desk's own backend: its keychain token is used.
      const own = await desk('sync', '--once', '--backend', `${t.backend.url}/`)
      expect(own.code).toBe(0)
      expect(t.backend.store.registrationByClientId(clientId)).toBeTruthy()
      expect(other.log).toEqual([])
    } finally {
      await other.close()
    }
  })
})

describe('npm run desk -- settings', processes, () => {
  it('sets several keys in one go, or none, naming each bad key and value', async () => {
    const refused = await desk(
      'settings',
      'set',
      'retentionDays=abc',
      'colour=blue',
      'deskId=paris 3',
      'locale=en',
    )
    expect(refused.code).toBe(1)
    const error = errorOf(refused.stderr)
    expect(error.code).toBe('invalid_settings')
    expect(error.fields.map((f) => `${f.path}: ${f.code}`).sort()).toEqual([
      'colour: unknown_setting',
      'deskId: desk_id_format',
      'retentionDays: retention_days_range',
    ])
    expect(jsonLines((await desk('settings', 'get', 'locale')).stdout)).toEqual([{ locale: 'fr' }])

    const set = await desk(
      'settings',
      'set',
      'retentionDays=12',
      'locale=en',
      'backendUrl=https://guichet.example.fr/',
    )
    expect(set.code).toBe(0)
    expect(jsonLines((await desk('settings', 'get')).stdout)[0]).toMatchObject({
      retentionDays: 12,
      locale: 'en',
      backendUrl: 'https://guichet.example.fr',
      deskId: '',
    })
  })
})

describe('npm run desk -- settings deskContact', processes, () => {
  it('sets the contact printed on the receipt, refuses control characters and markup, and clears it', async () => {
    const contact =
      'Accueil international – Bâtiment A – 01 23 45 67 89 – accueil-international@univ-exemple.fr'
    expect((await desk('settings', 'set', `deskContact=${contact}`)).code).toBe(0)
    expect(jsonLines((await desk('settings', 'get', 'deskContact')).stdout)).toEqual([
      { deskContact: contact },
    ])

    const refused = await desk('settings', 'set', 'deskContact=Accueil\u001b[2J', 'eventName=Salon')
    expect(refused.code).toBe(1)
    expect(errorOf(refused.stderr).fields).toEqual([
      expect.objectContaining({ path: 'deskContact', code: 'control_chars' }),
    ])
    expect(errorOf(refused.stderr).message).toContain('deskContact: no control characters')
    const tooLong = await desk('settings', 'set', `deskContact=${'A'.repeat(161)}`)
    expect(errorOf(tooLong.stderr).fields).toEqual([
      expect.objectContaining({ path: 'deskContact', code: 'too_long' }),
    ])
    expect(errorOf((await desk('settings', 'set', 'deskContact=<b>Accueil</b>')).stderr).fields).toEqual([
      expect.objectContaining({ path: 'deskContact', code: 'markup' }),
    ])
    // Nothing of a refused command was written.
    expect(jsonLines((await desk('settings', 'get', 'deskContact', 'eventName')).stdout)).toEqual([
      { deskContact: contact, eventName: '' },
    ])

    expect((await desk('settings', 'set', 'deskContact=')).code).toBe(0)
    expect(jsonLines((await desk('settings', 'get', 'deskContact')).stdout)).toEqual([{ deskContact: '' }])
  })
})

describe('npm run desk -- sync --once when not configured', processes, () => {
  it('names exactly what is missing: only the desk id when address and token are given', async () => {
    const run = await runDesk(['sync', '--once', '--data-dir', dataDir], {
      GUICHET_BACKEND_URL: t.backend.url,
      GUICHET_TOKEN: t.backend.token,
    })
    expect(run.code).toBe(2)
    const error = errorOf(run.stderr)
    expect(error.missing).toEqual(['deskId'])
    expect(error.message).toMatch(/^Not configured: no desk id\./)
    expect(error.message).not.toContain('backend address')

    const noToken = errorOf((await desk('sync', '--once')).stderr)
    expect(noToken.missing).toEqual(['backendUrl', 'deskId', 'token'])
  })
})
