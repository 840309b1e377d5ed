import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/domain/csp'
import { FakeBrowserWindow, FakeWebContents, type FakeElectron } from './fake-electron'

const fake: FakeElectron = await vi.hoisted(async () =>
  (await import('./fake-electron')).createFakeElectron(),
)
vi.mock('electron', () => fake.electron)

async function startApp(): Promise<FakeBrowserWindow | undefined> {
  vi.resetModules()
  const { runApp } = await import('../../electron/main/app')
  runApp()
  fake.ready()
  await vi.waitFor(() => {
    if (fake.state.singleInstance && !FakeBrowserWindow.instances.length) throw new Error('no window yet')
  })
  return FakeBrowserWindow.instances[0]
}

beforeEach(() => {
  fake.reset()
  // The fake app is packaged: resources are read from process.resourcesPath, as in an installer.
  Object.assign(process, { resourcesPath: process.cwd() })
  fake.state.userData = mkdtempSync(join(tmpdir(), 'guichet-shell-'))
  // Set as a development shell would have it: the packaged app must not follow it.
  process.env['GUICHET_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'guichet-elsewhere-'))
  delete process.env['ELECTRON_RENDERER_URL']
})

describe('the main window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security', async () => {
    const window = await startApp()
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(String(window?.options.webPreferences?.['preload'])).toMatch(/preload[/\\]index\.cjs$/)
  })

  it('loads the renderer from app://, not file://', async () => {
    const window = await startApp()
    expect(window?.loadedUrl).toBe('app://guichet/index.html')
  })

  it('trusts the dev server origin only while the app is not packaged', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    expect((await startApp())?.loadedUrl).toBe('app://guichet/index.html')
  })
})

describe('single instance', () => {
  it('a second launch quits at once and opens no window', async () => {
    fake.state.singleInstance = false
    await startApp()
    expect(fake.state.quit).toBe(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})

describe('navigation and new windows', () => {
  async function confined(): Promise<FakeWebContents> {
    await startApp()
    const contents = new FakeWebContents()
    fake.appEvents.emit('web-contents-created', {}, contents)
    return contents
  }

  it.each([
    'https://evil.example/',
    'app://guichet.evil.example/index.html',
    'app://evil@guichet.evil.example/',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'not a url',
  ])('refuses to navigate to %s', async (url) => {
    expect((await confined()).attempt('will-navigate', url)).toBe(true)
  })

  it('allows navigation within the app', async () => {
    expect((await confined()).attempt('will-navigate', 'app://guichet/index.html#queue')).toBe(false)
  })

  it('refuses redirects out of the app, webviews and every new window', async () => {
    const contents = await confined()
    expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'app://guichet/index.html' })).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies %s',
    async (p) => {
      await startApp()
      const callback = vi.fn()
      fake.state.permissionRequest?.({}, p, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(fake.state.permissionCheck?.({}, p)).toBe(false)
    },
  )
})

describe('the app:// protocol', () => {
  it('is registered as standard and secure before ready', async () => {
    await startApp()
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
  })

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const { serveRenderer } = await import('../../electron/main/protocol')
    serveRenderer(join(process.cwd(), 'src'))
    const handle = fake.protocolHandlers.get('app')!
    const page = await handle(new Request('app://guichet/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(await page.text()).toContain('<div id="app">')
    expect((await handle(new Request('app://guichet/%2e%2e/package.json'))).status).toBe(404)
    expect((await handle(new Request('app://guichet/..%2fpackage.json'))).status).toBe(404)
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
  })

  it('is also in index.html as a meta tag, the same policy but frame-ancestors (header only)', () => {
    const html = readFileSync('src/index.html', 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]
    expect(meta).toBe(metaContentSecurityPolicy)
    expect(contentSecurityPolicy).toBe(`${metaContentSecurityPolicy}; frame-ancestors 'none'`)
    // The meta tag comes before any script, so it governs them all.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  })

  it('runs workers only from the app bundle, never from blob: URLs', () => {
    expect(contentSecurityPolicy).toMatch(/worker-src 'self'(;|$)/)
  })

  it('allows no inline script, eval or remote origin', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'")
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-(inline|eval)|https?:/)
  })
})

describe('IPC', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

  it('registers one handler per contract channel', async () => {
    await startApp()
    const { channels, ipcName } = await import('../../src/domain/ipc/channels')
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(channels.map(ipcName).sort())
  })

  it('answers the app page through the real core', async () => {
    await startApp()
    const update = fake.ipcHandlers.get('guichet:updateSettings')!
    const get = fake.ipcHandlers.get('guichet:getSettings')!
    await update(frame('app://guichet/index.html'), { deskId: 'paris-3' })
    expect(await get(frame('app://guichet/index.html'))).toMatchObject({
      ok: true,
      value: { deskId: 'paris-3' },
    })
    expect(
      await fake.ipcHandlers.get('guichet:getAppInfo')!(frame('app://guichet/index.html')),
    ).toMatchObject({
      ok: true,
      value: { version: '9.9.9', host: 'electron' },
    })
  })

  it.each([
    ['another origin', frame('https://evil.example/')],
    ['a look-alike host', frame('app://guichet.evil.example/')],
    ['a sub-frame of the app', frame('app://guichet/index.html', { url: 'app://guichet/index.html' })],
    ['no frame at all', { senderFrame: null }],
  ])('refuses a call from %s', async (_label, event) => {
    await startApp()
    const result = await fake.ipcHandlers.get('guichet:getSettings')!(event)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
  })

  it('refuses an admin channel while admin mode is locked, and serves it once unlocked', async () => {
    await startApp()
    const call = (channel: string, request?: unknown) =>
      fake.ipcHandlers.get(`guichet:${channel}`)!(frame('app://guichet/index.html'), request)
    await call('setAdminPin', { pin: '482915' })
    await call('lockAdmin')
    expect(await call('updateSettings', { deskId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'admin_required' },
    })
    expect(await call('unlockAdmin', { pin: '482915' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    })
    expect(await call('updateSettings', { deskId: 'x' })).toMatchObject({ ok: true, value: { deskId: 'x' } })
  })

  it('lets attachDocument read a dropped file only once the preload of the app page granted it', async () => {
    await startApp()
    const { pdf } = await import('../fixtures/documents/corpus')
    const { writeFileSync } = await import('node:fs')
    const path = join(mkdtempSync(join(tmpdir(), 'guichet-drop-')), 'passport.pdf')
    writeFileSync(path, await pdf(1))
    const request = { clientId: '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d', kind: 'identity', path }
    const attach = () =>
      fake.ipcHandlers.get('guichet:attachDocument')!(frame('app://guichet/index.html'), request)
    const grant = fake.ipcListeners.get('guichet-preload:grant-dropped')!
    expect(await attach()).toMatchObject({ ok: false, error: { code: 'not_granted' } })
    grant(frame('https://evil.example/'), path)
    grant(frame('app://guichet/index.html', { url: 'app://guichet/index.html' }), path)
    expect(await attach()).toMatchObject({ ok: false, error: { code: 'not_granted' } })
    grant(frame('app://guichet/index.html'), path)
    expect(await attach()).toMatchObject({ ok: true, value: { mediaType: 'application/pdf' } })
  })

  it('validates the request again in main, whatever the page sent', async () => {
    await startApp()
    const result = await fake.ipcHandlers.get('guichet:updateSettings')!(frame('app://guichet/index.html'), {
      deskId: '<script>',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })
})

describe('a database written by a newer Guichet', () => {
  it('stops with a clear message instead of a crash', async () => {
    const dir = fake.state.userData
    const Database = (await import('better-sqlite3')).default
    const db = new Database(join(dir, 'guichet.sqlite'))
    db.pragma('user_version = 999')
    db.close()
    vi.resetModules()
    const { runApp } = await import('../../electron/main/app')
    runApp()
    fake.ready()
    await vi.waitFor(() => expect(fake.state.errorBoxes).toHaveLength(1))
    expect(fake.state.errorBoxes[0]).toMatch(/newer Guichet/)
    expect(fake.state.quit).toBe(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})

describe('a packaged app', () => {
  it('keeps its data in userData and ignores GUICHET_DATA_DIR', async () => {
    const { existsSync } = await import('node:fs')
    await startApp()
    await vi.waitFor(() => expect(fake.ipcHandlers.size).toBeGreaterThan(0))
    expect(existsSync(join(fake.state.userData, 'guichet.sqlite'))).toBe(true)
    expect(existsSync(join(process.env['GUICHET_DATA_DIR']!, 'guichet.sqlite'))).toBe(false)
  })

  it.each([
    [['remote-debugging-port'], []],
    [[], ['--inspect=9229']],
    [[], ['--inspect-brk']],
    [['remote-debugging-pipe'], []],
  ])('refuses to start with a debugging switch (%j %j)', async (switches, argv) => {
    fake.state.switches = switches
    const before = process.argv
    process.argv = [...before, ...argv]
    try {
      vi.resetModules()
      const { runApp } = await import('../../electron/main/app')
      runApp()
      fake.ready()
      expect(fake.state.exitCode).toBe(1)
      expect(fake.state.privilegedSchemes).toEqual([])
      expect(FakeBrowserWindow.instances).toHaveLength(0)
    } finally {
      process.argv = before
    }
  })
})

describe('Windows', () => {
  it('keeps the data in LocalAppData, not the roaming profile', async () => {
    const { localUserData } = await import('../../electron/main/data-dir')
    expect(localUserData('win32', { LOCALAPPDATA: 'C:\\Users\\desk\\AppData\\Local' }, 'Guichet')).toBe(
      join('C:\\Users\\desk\\AppData\\Local', 'Guichet'),
    )
    expect(localUserData('darwin', { LOCALAPPDATA: '/x' }, 'Guichet')).toBeNull()
  })
})

describe('a renderer that crashed or hangs', () => {
  it('is reloaded after a crash, and the draft saved in the core is offered back', async () => {
    const window = await startApp()
    await vi.waitFor(() => expect(fake.ipcHandlers.size).toBeGreaterThan(0))
    const call = (channel: string, request?: unknown) =>
      fake.ipcHandlers.get(`guichet:${channel}`)!(
        { senderFrame: { url: 'app://guichet/index.html', parent: null } },
        request,
      )
    const clientId = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d'
    await call('saveDraft', { clientId, form: { lastName: 'Nguyen' } })
    window!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    expect(window!.webContents.reloads).toBe(1)
    expect(await call('loadDraft')).toMatchObject({
      ok: true,
      value: { clientId, form: { lastName: 'Nguyen' } },
    })
    window!.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(window!.webContents.reloads).toBe(1)
  })

  it('is killed when it hangs, which reloads it', async () => {
    const window = await startApp()
    window!.emit('unresponsive')
    expect(window!.webContents.crashes).toBe(1)
  })
})
