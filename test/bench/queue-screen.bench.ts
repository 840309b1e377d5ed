/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { dataKey, osKeychain } from '../../electron/core/secrets'
import { args, executablePath } from '../e2e/desk'
import { startWebHost } from '../host/web-host'
import { defineBench, spread, type Row } from './bench'
import { seedQueue } from './seed-queue'

const RECORDS = 10_000
const RUNS = 10

/** The queue screen in Chromium with a full day's outbox: from the click on its tab to the first page shown. */
export default defineBench({
  title: `Queue screen in Chromium with ${RECORDS} records (built renderer, real core)`,
  async run(): Promise<Row[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-queue-'))
    const host = await startWebHost({ dataDir })
    const browser = await chromium.launch({ executablePath, args })
    try {
      seedQueue(host.core, await dataKey(osKeychain(), host.core.appInfo.dataDir), RECORDS)
      const page = await browser.newPage()
      await page.goto(host.url)
      const queueTab = page.getByRole('button', { name: /^File d’attente/ })
      const formTab = page.getByRole('button', { name: 'Nouveau dossier' })
      await formTab.waitFor()
      const times: number[] = []
      for (let i = 0; i < RUNS; i++) {
        await formTab.click()
        await page.locator('tbody tr').first().waitFor({ state: 'detached' })
        const start = Date.now()
        await queueTab.click()
        await page.locator('tbody tr').nth(49).waitFor()
        times.push(Date.now() - start)
      }
      return [{ case: `click "File d’attente" -> first 50 rows of ${RECORDS} shown`, ...spread(times) }]
    } finally {
      await browser.close()
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})
