import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core, CoreOptions } from '../../../electron/core/core'
import { dispatch } from '../../../electron/core/dispatch'
import { createHandlers } from '../../../electron/core/handlers'
import type { ConnectionCheck } from '../../../src/domain/sync/queue'
import { useBackend } from '../../backend/use-backend'
import { cleanup, openDesk, tempDir } from './desk'

const t = useBackend()
const opened: { core: Core; dataDir: string }[] = []
afterEach(() => {
  for (const { core, dataDir } of opened.splice(0)) {
    core.close()
    cleanup(dataDir)
  }
})

/** A desk with the given backend address and token (the CLI's --backend and GUICHET_TOKEN). */
async function deskWith(backend: CoreOptions['backend'], deskId = 'paris-fair-3'): Promise<Core> {
  const dataDir = tempDir('guichet-test-connection-')
  const core = await openDesk(dataDir, null, backend ? { backend } : {})
  core.settings.update({ deskId })
  opened.push({ core, dataDir })
  return core
}

/** "Test connection" as the Settings screen asks it (IPC) and as `sync --once` does (the engine). */
async function check(core: Core): Promise<ConnectionCheck> {
  const handlers = createHandlers(core, { chooseFiles: () => [] })
  const viaIpc = await dispatch(handlers, 'testConnection', undefined, core.admin)
  const direct = await core.sync.testConnection()
  expect(viaIpc).toEqual({ ok: true, value: direct })
  return direct
}

/** A loopback port nobody listens on any more: connecting to it is refused by the kernel. */
async function refusedUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

describe('"Test connection" names what the desk lacks before it asks the backend', () => {
  it('a desk with an address but no token: the token, and nothing sent', async () => {
    const core = await deskWith({ url: t.backend.url })
    expect(await check(core)).toEqual({ result: 'not_configured', missing: ['token'] })
    expect(t.backend.log).toEqual([])
  })

  it('a desk with nothing: the address and the token; with a token only, the address', async () => {
    expect(await check(await deskWith(undefined))).toEqual({
      result: 'not_configured',
      missing: ['backendUrl', 'token'],
    })
    expect(await check(await deskWith({ token: t.backend.token }))).toEqual({
      result: 'not_configured',
      missing: ['backendUrl'],
    })
  })

  it('a desk whose address and token work but whose id was cleared: the desk id, not ok', async () => {
    const core = await deskWith({ url: t.backend.url, token: t.backend.token }, '')
    expect(await check(core)).toEqual({ result: 'not_configured', missing: ['deskId'] })
    expect(t.backend.log).toEqual([])
  })

  it('a complete desk: ok from the reference backend', async () => {
    expect(await check(await deskWith({ url: t.backend.url, token: t.backend.token }))).toEqual({
      result: 'ok',
    })
  })

  it('an address where the connection is refused: offline', async () => {
    expect(await check(await deskWith({ url: await refusedUrl(), token: t.backend.token }))).toEqual({
      result: 'offline',
    })
  })

  it('a desk online until the test finds a captive portal, then no answer: the header follows each finding', async () => {
    const core = await deskWith({ url: t.backend.url, token: t.backend.token })
    await core.sync.drain()
    expect(core.sync.status()).toMatchObject({ online: true })
    t.backend.faults.add({ kind: 'captive-portal', page: 'html', route: 'health', times: 1 })
    expect(await core.sync.testConnection()).toEqual({ result: 'captive_portal' })
    expect(core.sync.status()).toMatchObject({ online: false, captivePortal: true })
    t.backend.faults.add({ kind: 'drop', route: 'health', times: 1 })
    expect(await core.sync.testConnection()).toEqual({ result: 'offline' })
    expect(core.sync.status()).toMatchObject({ online: false, captivePortal: false })
  })

  it('a backend that answers 503 (down for maintenance, a failing proxy): a server error, not "offline"', async () => {
    const core = await deskWith({ url: t.backend.url, token: t.backend.token })
    t.backend.faults.add({ kind: 'status', status: 503, retryAfter: 120 })
    expect(await check(core)).toEqual({ result: 'server_error', status: 503 })
    // The sync sees it too: the network is there, each record waits for its retry.
    await core.sync.drain()
    expect(core.sync.status()).toMatchObject({ online: true, captivePortal: false })
  })

  it('a 511 (Network Authentication Required) on the probe is the Wi-Fi sign-in page', async () => {
    const core = await deskWith({ url: t.backend.url, token: t.backend.token })
    t.backend.faults.add({ kind: 'status', status: 511, route: 'health' })
    expect(await check(core)).toEqual({ result: 'captive_portal' })
  })

  it('a token the backend answers 401 to: unauthorized', async () => {
    const core = await deskWith({ url: t.backend.url, token: 'tok_not-this-desks-token' })
    expect(await check(core)).toEqual({ result: 'unauthorized' })
    expect(t.backend.log.map((entry) => entry.status)).toContain(401)
  })

  it('a token refused by the test: the header says the desk must be provisioned again, not "online"', async () => {
    const core = await deskWith({ url: t.backend.url, token: t.backend.token })
    await core.sync.drain()
    expect(core.sync.status()).toMatchObject({ online: true, stopped: null })
    t.backend.auth.disable(t.backend.token)
    expect(await core.sync.testConnection()).toEqual({ result: 'forbidden' })
    expect(core.sync.status()).toMatchObject({ stopped: 'unauthorized' })
    t.backend.auth.enable(t.backend.token)
    expect(await core.sync.testConnection()).toEqual({ result: 'ok' })
    expect(core.sync.status()).toMatchObject({ stopped: null })
  })
})
