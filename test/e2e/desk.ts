import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, onTestFailed } from 'vitest'
import { args, executablePath } from './chromium'
import { startWebHost, type WebHost } from '../host/web-host'

export interface Desk {
  page: Page
  host: WebHost
  dataDir: string
  /** Console messages that say the page broke a rule (CSP) or threw. */
  problems: string[]
  close(): Promise<void>
}

/**
 * One Chromium per test file, started by its first desk. Each desk still gets a context of its own
 * (fresh storage, cookies and cache, as a fresh profile gave it); only the browser start, which cost
 * more than most tests, is paid once per file instead of once per test.
 */
let browser: Promise<Browser> | undefined
afterAll(async () => {
  await (await browser?.catch(() => undefined))?.close()
})

/**
 * The built renderer in Debian's Chromium, with the real core behind the web host. A failing test
 * leaves a screenshot in test-results/ named after it.
 */
export async function openDesk(
  options: { dataDir?: string; provisioningLocations?: string[]; now?: () => Date } = {},
): Promise<Desk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'guichet-e2e-'))
  const host = await startWebHost({
    dataDir,
    ...(options.provisioningLocations && { provisioningLocations: options.provisioningLocations }),
    ...(options.now && { now: options.now }),
  })
  let context: BrowserContext
  try {
    browser ??= chromium.launch({ executablePath, headless: true, args })
    context = await (await browser).newContext()
  } catch (error) {
    await host.close()
    throw new Error(`Chromium did not start from ${executablePath} (install Debian's chromium): ${error}`)
  }
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  // The first 'filechooser' listener turns on Chromium's interception without waiting for it; a key
  // pressed right after could open the native chooser instead (nothing, headless). Turned on here,
  // long before any test presses "Choisir un fichier…".
  page.on('filechooser', () => {})

  onTestFailed(async ({ task }) => {
    mkdirSync('test-results', { recursive: true })
    const name = task.name.replace(/[^\w-]+/g, '-').slice(0, 80)
    await page.screenshot({ path: join('test-results', `${name}.png`), fullPage: true }).catch(() => {})
  })

  await page.goto(host.url)
  return {
    page,
    host,
    dataDir,
    problems,
    close: async () => {
      await context.close()
      await host.close()
    },
  }
}

/**
 * Makes `folder` the desk's scanner folder as the settings screen would, lists what it holds now, and
 * reloads the page so the form shows the "Scans reçus" tray.
 */
export async function useScannerFolder(desk: Desk, folder: string): Promise<void> {
  desk.host.core.settings.update({ scannerFolder: folder })
  desk.host.core.scans.follow(folder)
  await desk.host.core.scans.settled()
  await desk.page.reload()
}
