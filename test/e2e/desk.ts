import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { onTestFailed } from 'vitest'
import { startWebHost, type WebHost } from '../host/web-host'

export interface Desk {
  page: Page
  host: WebHost
  dataDir: string
  /** Console messages that say the page broke a rule (CSP) or threw. */
  problems: string[]
  close(): Promise<void>
}

/** Debian's Chromium, with what a closed network needs (no background connections, no QUIC). */
export const executablePath = process.env['GUICHET_CHROMIUM'] ?? '/usr/bin/chromium'
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The built renderer in Debian's Chromium, with the real core behind the web host. A failing test
 * leaves a screenshot in test-results/ named after it.
 */
export async function openDesk(
  options: { dataDir?: string; provisioningLocations?: string[]; now?: () => Date } = {},
): Promise<Desk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'guichet-e2e-'))
  const profile = mkdtempSync(join(tmpdir(), 'guichet-chromium-'))
  const host = await startWebHost({
    dataDir,
    ...(options.provisioningLocations && { provisioningLocations: options.provisioningLocations }),
    ...(options.now && { now: options.now }),
  })
  let context: BrowserContext
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args })
  } catch (error) {
    await host.close()
    throw new Error(`Chromium did not start from ${executablePath} (install Debian's chromium): ${error}`)
  }
  const page = context.pages()[0] ?? (await context.newPage())
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
      rmSync(profile, { recursive: true, force: true })
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
