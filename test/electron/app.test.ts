import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { electronVersion, findElectron } from '../../scripts/electron-binary.mjs'
import { ensureElectronSqlite } from '../../scripts/native-electron.mjs'
import { channels, pageHelpers } from '../../src/domain/ipc/channels'
import { ensureBuilt } from '../packaging/project'

const root = resolve(import.meta.dirname, '../..')
const { binary, missing } = findElectron(root)
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']
if (!binary) console.log(`Electron tests skipped: ${missing}.`)
else if (noDisplay)
  console.log('Electron tests skipped: no display; run them under xvfb-run (Debian package xvfb).')

describe.skipIf(!binary || noDisplay)('Guichet in Electron', () => {
  let dataDir = ''
  let app: ElectronApplication
  let page: Page

  beforeAll(async () => {
    ensureBuilt()
    dataDir = mkdtempSync(join(tmpdir(), 'guichet-electron-'))
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GUICHET_DATA_DIR: dataDir,
      GUICHET_SQLITE_BINDING: ensureElectronSqlite(root, electronVersion(root)),
    }
    delete env['ELECTRON_RUN_AS_NODE']
    app = await _electron.launch({ executablePath: binary ?? '', args: [root], cwd: root, env })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  }, 300_000) // the first run on a machine builds better-sqlite3 for Electron: a minute or two

  afterAll(async () => {
    await app?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('opens one window titled Guichet on the app:// origin', async () => {
    expect(app.windows()).toHaveLength(1)
    expect(await page.title()).toBe('Guichet')
    expect(page.url()).toMatch(/^app:\/\/guichet\//)
  })

  it('gives the page window.guichet with one function per contract channel, and no Node', async () => {
    const seen = await page.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>
      const api = (page['guichet'] ?? {}) as Record<string, unknown>
      return {
        api: Object.fromEntries(Object.entries(api).map(([name, value]) => [name, typeof value])),
        require: typeof page['require'],
        process: typeof page['process'],
      }
    })
    expect(seen).toEqual({
      api: Object.fromEntries([...channels, ...pageHelpers].map((name) => [name, 'function'])),
      require: 'undefined',
      process: 'undefined',
    })
  })

  it('serves pdf.js its standard fonts and CMaps from app://, as its preview asks for them', async () => {
    // app:// is not http(s), so pdf.js asks in the page rather than in its worker, with an XHR.
    const fetched = await page.evaluate(async () => {
      const bytes = (path: string) =>
        new Promise<{ status: number; size: number }>((answer) => {
          const request = new XMLHttpRequest()
          request.open('GET', new URL(path, document.baseURI).href)
          request.responseType = 'arraybuffer'
          request.onloadend = () =>
            answer({
              status: request.status,
              size: (request.response as ArrayBuffer | null)?.byteLength ?? 0,
            })
          request.send()
        })
      return {
        font: await bytes('pdfjs/standard_fonts/LiberationSans-Regular.ttf'),
        cmap: await bytes('pdfjs/cmaps/UniGB-UCS2-H.bcmap'),
      }
    })
    const pdfjs = resolve(root, 'node_modules/pdfjs-dist')
    expect(fetched).toEqual({
      font: { status: 200, size: statSync(join(pdfjs, 'standard_fonts/LiberationSans-Regular.ttf')).size },
      cmap: { status: 200, size: statSync(join(pdfjs, 'cmaps/UniGB-UCS2-H.bcmap')).size },
    })
  })

  it('lets pdf.js import OpenJPEG’s plain-JavaScript build from app:// under the CSP, for JPEG 2000 scans', async () => {
    // The worker imports it as the page does here: a module of the app's origin, under script-src 'self'.
    const imported = await page.evaluate(async () => {
      const module = (await import(
        /* @vite-ignore */ new URL('pdfjs/wasm/openjpeg_nowasm_fallback.js', document.baseURI).href
      )) as { default: unknown }
      return typeof module.default
    })
    expect(imported).toBe('function')
  })

  it('refuses to navigate the window to another site', async () => {
    // The listener is added after the app's own, so it sees whether the app prevented the navigation.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents
      ;(globalThis as Record<string, unknown>)['navigation'] = new Promise((resolve) =>
        contents?.once('will-navigate', (event) =>
          resolve({ url: event.url, prevented: event.defaultPrevented }),
        ),
      )
    })
    await page.evaluate(() => {
      ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'
    })
    expect(await app.evaluate(() => (globalThis as Record<string, unknown>)['navigation'])).toEqual({
      url: 'https://example.com/',
      prevented: true,
    })
    expect(page.url()).toMatch(/^app:\/\/guichet\//)
  })

  it('sends straight with node:https where the system says DIRECT, trusting the OS’s authorities', async () => {
    // network.ts relies on both: Chromium's route for the backend, and Node 24's list of the OS's CAs.
    const seen = await app.evaluate(async ({ session }) => {
      const tls = process.getBuiltinModule('node:tls')
      return {
        route: await session.defaultSession.resolveProxy('https://127.0.0.1:9/v1/health'),
        systemAuthorities: tls.getCACertificates('system').length,
      }
    })
    expect(seen.route).toBe('DIRECT')
    expect(seen.systemAuthorities).toBeGreaterThan(0)
  })
})
