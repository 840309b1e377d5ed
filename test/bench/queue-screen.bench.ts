/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { dataKey, osKeychain } from '../../electron/core/secrets'
import { args, executablePath } from '../e2e/chromium'
import { startWebHost } from '../host/web-host'
import { defineBench, expectOutcome, quantile, versus, type Row } from './bench'
import { seedQueue } from './seed-queue'

const LARGE = 100_000
const SMALL = 1_000
const RUNS = 10
const PAGE = 50

type Timings = Record<'first' | 'next' | 'filtered', number[]>

/** Milliseconds from `act` to the `nth` row of the table being on screen. */
async function until(page: Page, act: () => Promise<void>, rows: number): Promise<number> {
  const start = performance.now()
  await act()
  await page
    .locator('tbody tr')
    .nth(rows - 1)
    .waitFor()
  return performance.now() - start
}

/** The queue screen on a desk holding `count` records: first page, the next one, a state's page. */
async function timings(browser: Browser, count: number): Promise<Timings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-queue-'))
  const host = await startWebHost({ dataDir })
  try {
    seedQueue(host.core, await dataKey(osKeychain(), host.core.appInfo.dataDir), count)
    const page = await browser.newPage()
    await page.goto(host.url)
    const queueTab = page.getByRole('button', { name: /^File d’attente/ })
    const formTab = page.getByRole('button', { name: 'Nouveau dossier' })
    await formTab.waitFor()
    const result: Timings = { first: [], next: [], filtered: [] }
    for (let i = 0; i < RUNS; i++) {
      await formTab.click()
      await page.locator('tbody tr').first().waitFor({ state: 'detached' })
      result.first.push(await until(page, () => queueTab.click(), PAGE))
      result.next.push(
        await until(
          page,
          () => page.getByRole('button', { name: 'Afficher les dossiers suivants' }).click(),
          2 * PAGE,
        ),
      )
      const attention = page.locator('button[data-state="needs_attention"]')
      result.filtered.push(await until(page, () => attention.click(), PAGE))
      expectOutcome(
        (await page.locator('tbody tr').count()) === PAGE,
        'one page of records needing attention',
      )
      await page.locator('button[aria-pressed]').first().click()
    }
    await page.close()
    return result
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The queue screen in Chromium (built renderer, real core) with a season's outbox, against a day's. */
export default defineBench({
  title: `Queue screen in Chromium with ${LARGE.toLocaleString('en')} records (baseline: ${SMALL.toLocaleString('en')}), median of ${RUNS}`,
  async run(): Promise<Row[]> {
    const browser = await chromium.launch({ executablePath, args })
    try {
      const small = await timings(browser, SMALL)
      const large = await timings(browser, LARGE)
      const baseline = (values: number[]) => ({
        label: `${SMALL.toLocaleString('en')} records`,
        value: quantile(values, 0.5),
      })
      return [
        versus(
          `click "File d’attente" -> first ${PAGE} rows shown`,
          { value: quantile(large.first, 0.5) },
          baseline(small.first),
        ),
        versus(
          `"Afficher les dossiers suivants" -> next ${PAGE} rows`,
          { value: quantile(large.next, 0.5) },
          baseline(small.next),
        ),
        versus(
          'filter "needs attention" -> its first page',
          { value: quantile(large.filtered, 0.5) },
          baseline(small.filtered),
        ),
      ]
    } finally {
      await browser.close()
    }
  },
})
