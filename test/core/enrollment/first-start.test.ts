import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/core/dispatch'
import { provisioningLocations } from '../../../electron/core/enrollment/locations'
import { createHandlers } from '../../../electron/core/handlers'
import { createBackend, type Backend } from '../../backend/server'
import { startWebHost, type WebHost } from '../../host/web-host'
import { cleanup, documentFiles, nextEvent, queueOne, tempDir } from '../sync/desk'

let backend: Backend
let root: string
let shared: string
let execDir: string
let dataDir: string
const hosts: WebHost[] = []

beforeEach(async () => {
  backend = await createBackend()
  root = tempDir('guichet-provisioning-')
  // The fake machine: a folder beside the executable and a shared application data folder.
  execDir = join(root, 'Program Files', 'Guichet')
  shared = join(root, 'ProgramData', 'Guichet')
  dataDir = join(root, 'user-data')
  mkdirSync(execDir, { recursive: true })
  mkdirSync(shared, { recursive: true })
})
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close()
  await backend.close()
  if (isRoot) spawnSync('chattr', ['-i', shared])
  chmodSync(shared, 0o755)
  cleanup(root)
})

const isRoot = process.getuid?.() === 0

/** Read-only to the desk's user: by permissions, or for root (who ignores them) by the immutable flag. */
function makeReadOnly(dir: string): boolean {
  if (!isRoot) {
    chmodSync(dir, 0o555)
    return true
  }
  return spawnSync('chattr', ['+i', dir]).status === 0
}

/** The app's start on this machine: the web host with the fake folders as its provisioning places. */
async function start() {
  const host = await startWebHost({
    dataDir,
    provisioningLocations: [join(execDir, 'desk.json'), join(shared, 'desk.json')],
  })
  hosts.push(host)
  return { host, outcome: await host.provisioned }
}

const writeDeskJson = (dir: string, content: unknown) =>
  writeFileSync(join(dir, 'desk.json'), typeof content === 'string' ? content : JSON.stringify(content))
const readDeskJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8')) as unknown

describe('the provisioning file at first start', () => {
  it('enrolls the desk from the shared folder, applies its settings and removes the code', async () => {
    backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'lyon-campus-2', event: null }, new Date())
    writeDeskJson(shared, {
      backendUrl: backend.url,
      enrollmentCode: 'abcd-2345-efgh',
      eventName: 'Rentrée Lyon',
      retentionDays: 7,
      locale: 'en',
    })
    const { host, outcome } = await start()
    expect(outcome).toMatchObject({ result: 'enrolled', deskId: 'lyon-campus-2', codeRemoved: true })
    expect(host.core.settings.get()).toMatchObject({
      deskId: 'lyon-campus-2',
      backendUrl: backend.url,
      eventName: 'Rentrée Lyon',
      retentionDays: 7,
      locale: 'en',
    })
    expect(await host.core.sync.testConnection()).toEqual({ result: 'ok' })
    const left = readDeskJson(shared)
    expect(left).toEqual({
      backendUrl: backend.url,
      eventName: 'Rentrée Lyon',
      retentionDays: 7,
      locale: 'en',
    })
    expect(readFileSync(join(shared, 'desk.json'), 'utf8')).not.toMatch(/ABCD|2345/i)

    // The next start finds no code and leaves the desk as it is.
    await hosts.pop()!.close()
    const again = await start()
    expect(again.outcome).toBeNull()
    expect(backend.log.filter((e) => e.route === 'createDeskEnrollment')).toHaveLength(1)
  })

  it('prefers the file beside the executable to the shared one', async () => {
    backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'beside-exe' }, new Date())
    backend.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'shared-folder' }, new Date())
    writeDeskJson(execDir, { backendUrl: backend.url, enrollmentCode: 'JKMN6789PQRS' })
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'TUVW3456XYZA' })
    const { host } = await start()
    expect(host.core.settings.get().deskId).toBe('beside-exe')
  })

  it('says why it failed, keeps the file, and tries again at the next start', async () => {
    const url = backend.url
    const port = Number(new URL(url).port)
    await backend.close()
    writeDeskJson(shared, { backendUrl: url, enrollmentCode: 'ABCD2345EFGH' })
    const first = await start()
    expect(first.outcome).toMatchObject({ result: 'failed', error: { code: 'backend_unreachable' } })
    expect(first.host.core.settings.get().deskId).toBe('')
    expect(readDeskJson(shared)).toMatchObject({ enrollmentCode: 'ABCD2345EFGH' })
    await hosts.pop()!.close()

    backend = await createBackend({ port })
    backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'retried-desk' }, new Date())
    const second = await start()
    expect(second.outcome).toMatchObject({ result: 'enrolled', deskId: 'retried-desk' })
  })

  it('once its notice is closed, does not show it again at a start that fails the same way', async () => {
    backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'lyon-1' }, new Date())
    backend.enrollments.redeem('JKMN6789PQRS', 'another desk', new Date())
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'JKMN6789PQRS' })
    const shown = async (host: WebHost) =>
      await dispatch(
        createHandlers(host.core, { chooseFiles: () => [] }),
        'enrollmentStatus',
        undefined,
        host.core.admin,
      )
    const dismiss = (host: WebHost, id: string) =>
      dispatch(
        createHandlers(host.core, { chooseFiles: () => [] }),
        'dismissProvisioning',
        { id },
        host.core.admin,
      )

    const first = await start()
    const id = first.outcome!.id
    expect(await shown(first.host)).toMatchObject({ value: { provisioning: { id, result: 'failed' } } })
    // Another id (made up, or a notice already gone) closes nothing.
    await dismiss(first.host, 'f'.repeat(64))
    expect(await shown(first.host)).toMatchObject({ value: { provisioning: { id } } })
    expect(await dismiss(first.host, id)).toMatchObject({ ok: true, value: { provisioning: null } })
    expect(await shown(first.host)).toMatchObject({ value: { provisioning: null } })
    await hosts.pop()!.close()

    // The same file failing the same way at the next start: tried again, not shown again.
    const second = await start()
    expect(second.outcome).toMatchObject({ id, result: 'failed', error: { code: 'enrollment_code_used' } })
    expect(await shown(second.host)).toMatchObject({ value: { provisioning: null } })
    await hosts.pop()!.close()

    // The admin puts a new code in the file: another provisioning, shown whatever it says.
    backend.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'lyon-1' }, new Date())
    backend.enrollments.redeem('TUVW3456XYZA', 'another desk', new Date())
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'TUVW3456XYZA' })
    const third = await start()
    expect(third.outcome?.id).not.toBe(id)
    expect(await shown(third.host)).toMatchObject({ value: { provisioning: { id: third.outcome!.id } } })
  })

  it('refuses a file with an unknown key or a bad value, naming them, and enrolls nothing', async () => {
    backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'never' }, new Date())
    writeDeskJson(shared, {
      backendUrl: backend.url,
      enrollmentCode: 'ABCD2345EFGH',
      token: 'x',
      retentionDays: -1,
    })
    const { outcome } = await start()
    expect(outcome?.error?.code).toBe('provisioning_file_invalid')
    expect(outcome?.error?.fields?.map((f) => [f.path, f.code])).toEqual([
      ['token', 'unknown_key'],
      ['retentionDays', 'retention_days_range'],
    ])
    expect(backend.enrollments.get('ABCD2345EFGH')?.usedAt).toBeNull()
  })

  it('says the file is not JSON', async () => {
    writeDeskJson(shared, '{ "backendUrl": "https://x", ')
    expect((await start()).outcome?.error?.code).toBe('provisioning_file_not_json')
  })

  it('remembers a used code it could not remove from a read-only folder, and never sends it again', async (ctx) => {
    backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'read-only' }, new Date())
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'ABCD2345EFGH' })
    if (!makeReadOnly(shared)) return ctx.skip('this file system cannot make a folder read-only for root')
    expect((await start()).outcome).toMatchObject({ result: 'enrolled', codeRemoved: false })
    await hosts.pop()!.close()
    expect((await start()).outcome).toBeNull()
    expect(readDeskJson(shared)).toMatchObject({ enrollmentCode: 'ABCD2345EFGH' })
    expect(backend.log.filter((e) => e.route === 'createDeskEnrollment')).toHaveLength(1)
  })
})

describe('a provisioning file naming another backend, on a desk already enrolled', () => {
  let attacker: Backend
  beforeEach(async () => {
    attacker = await createBackend()
  })
  afterEach(() => attacker.close())

  const call = (host: WebHost, channel: 'acceptNewBackend', request: unknown) =>
    dispatch(createHandlers(host.core, { chooseFiles: () => [] }), channel, request, host.core.admin)

  /** The desk enrolled with the legitimate backend at its first start, one registration queued since. */
  async function enrolledDesk() {
    backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'paris-3' }, new Date())
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'ABCD2345EFGH' })
    const first = await start()
    expect(first.outcome).toMatchObject({ result: 'enrolled', deskId: 'paris-3' })
    const token = await first.host.core.deskToken.get()
    await first.host.core.admin.setPin('482915')
    first.host.core.admin.lock()
    // Held back until the next start, to see where it goes then.
    first.host.core.sync.pause()
    const clientId = await queueOne(first.host.core, await documentFiles(dataDir))
    await hosts.pop()!.close()
    return { token, clientId }
  }

  it('does not move the desk at start: it keeps its backend and token and says an admin must accept', async () => {
    const { token, clientId } = await enrolledDesk()
    // Another account on the computer rewrites the file with its own backend and a fresh code.
    attacker.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'paris-3' }, new Date())
    writeDeskJson(shared, { backendUrl: attacker.url, enrollmentCode: 'TUVW3456XYZA' })

    const { host, outcome } = await start()
    expect(outcome).toMatchObject({
      result: 'failed',
      newBackendUrl: attacker.url,
      error: { code: 'provisioning_new_backend' },
    })
    expect(host.core.settings.get()).toMatchObject({ backendUrl: backend.url, deskId: 'paris-3' })
    expect(await host.core.deskToken.get()).toBe(token)
    const submitted = nextEvent(host.core, 'queueChanged', (counts) => counts.submitted === 1)
    host.core.sync.resume()
    await submitted
    expect(host.core.outbox.stateOf(clientId)).toBe('submitted')
    expect(attacker.log).toEqual([])
    expect(backend.log.filter((e) => e.route === 'uploadDocument')).toHaveLength(2)

    // Accepting it needs admin mode.
    expect(await call(host, 'acceptNewBackend', { id: outcome!.id })).toMatchObject({
      ok: false,
      error: { code: 'admin_required' },
    })
    expect(attacker.log).toEqual([])
  })

  it('moves the desk once the admin accepts the notice, with the file as it was shown', async () => {
    await enrolledDesk()
    attacker.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'lille-1', event: 'Salon Lille' }, new Date())
    writeDeskJson(shared, { backendUrl: attacker.url, enrollmentCode: 'TUVW3456XYZA' })
    const { host, outcome } = await start()
    await host.core.admin.unlock('482915')
    // A made-up id, or one of a notice no longer shown, accepts nothing.
    expect(await call(host, 'acceptNewBackend', { id: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'provisioning_notice_gone' },
    })
    // The file changed after it was shown: what the admin read is what is enrolled.
    writeDeskJson(shared, { backendUrl: backend.url, enrollmentCode: 'JKMN6789PQRS' })
    const accepted = await call(host, 'acceptNewBackend', { id: outcome!.id })
    expect(accepted).toMatchObject({
      ok: true,
      value: {
        enrolled: true,
        deskId: 'lille-1',
        backendUrl: attacker.url,
        provisioning: { result: 'enrolled' },
      },
    })
    expect(host.core.settings.get().eventName).toBe('Salon Lille')
    expect(await host.core.sync.testConnection()).toEqual({ result: 'ok' })
  })

  it('enrolls again from a fresh code for the same backend, without the admin', async () => {
    await enrolledDesk()
    backend.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'paris-4', event: 'Salon 2027' }, new Date())
    writeDeskJson(shared, { backendUrl: `${backend.url}/`, enrollmentCode: 'TUVW3456XYZA' })
    const { host, outcome } = await start()
    expect(outcome).toMatchObject({ result: 'enrolled', deskId: 'paris-4' })
    expect(host.core.settings.get()).toMatchObject({ deskId: 'paris-4', eventName: 'Salon 2027' })
  })
})

describe('where an installed desk looks for desk.json', () => {
  it('beside the executable first, then the machine-wide folder of each OS', () => {
    expect(
      provisioningLocations({
        platform: 'win32',
        execDir: 'C:\\Program Files\\Guichet',
        env: { PROGRAMDATA: 'D:\\ProgramData' },
      }),
    ).toEqual(['C:\\Program Files\\Guichet\\desk.json', 'D:\\ProgramData\\Guichet\\desk.json'])
    expect(
      provisioningLocations({
        platform: 'darwin',
        execDir: '/Applications/Guichet.app/Contents/MacOS',
        env: {},
      }),
    ).toEqual([
      '/Applications/Guichet.app/Contents/MacOS/desk.json',
      '/Library/Application Support/Guichet/desk.json',
    ])
    expect(provisioningLocations({ platform: 'linux', execDir: '/opt/Guichet', env: {} })[1]).toBe(
      '/etc/guichet/desk.json',
    )
  })
})
