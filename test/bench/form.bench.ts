/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { args, executablePath } from '../e2e/chromium'
import { startWebHost, type WebHost } from '../host/web-host'
import { defineBench, expectOutcome, quantile, versus, type Row } from './bench'

const KEYSTROKES = 50
const NAVIGATIONS = 10
const FIELD = 'f-birthDate'

declare global {
  interface Window {
    __formReady?: number
    __validationShown?: Promise<number>
    __nextFrame?: Promise<number>
  }
}

/**
 * Injected before the page's own scripts: notes when the first field of the form exists and takes
 * the focus, in the page's clock (milliseconds since the navigation started).
 */
function watchFormReady() {
  // No named inner functions here or below: tsx would wrap them in a helper the page does not have.
  const observer = new MutationObserver(() => {
    const field = document.getElementById('f-civility') as HTMLSelectElement | null
    if (!field || field.disabled) return
    field.focus()
    if (document.activeElement !== field) return
    window.__formReady = performance.now()
    observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
}

/** Arms the next measurement: from the field's keydown to its error message appearing or going. */
function armValidationTimer(fieldId: string) {
  const field = document.getElementById(fieldId) as HTMLInputElement
  const box = field.parentElement as HTMLElement
  const before = box.querySelector('.field-error') !== null
  // The floor: from the same keydown to the next frame, the soonest any change can be seen.
  window.__nextFrame = new Promise<number>((resolve) => {
    field.addEventListener(
      'keydown',
      () => {
        const down = performance.now()
        requestAnimationFrame(() => resolve(performance.now() - down))
      },
      { once: true, capture: true },
    )
  })
  window.__validationShown = new Promise<number>((resolve) => {
    let start = 0
    field.addEventListener('keydown', () => (start = performance.now()), { once: true, capture: true })
    const observer = new MutationObserver(() => {
      if (start && (box.querySelector('.field-error') !== null) !== before) {
        observer.disconnect()
        resolve(performance.now() - start)
      }
    })
    observer.observe(box, { childList: true, subtree: true, characterData: true })
  })
}

/** Each navigation's time to the first field focusable, and to the page's bytes received (the floor). */
async function navigationTimes(page: Page, host: WebHost): Promise<{ times: number[]; received: number[] }> {
  const times: number[] = []
  const received: number[] = []
  for (let i = 0; i < NAVIGATIONS; i++) {
    // The URL carries the host's secret in its fragment: from the same URL, goto would only scroll.
    await page.goto('about:blank')
    await page.goto(host.url)
    await page.waitForFunction(() => window.__formReady !== undefined)
    times.push(await page.evaluate(() => window.__formReady ?? NaN))
    received.push(
      await page.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
      ),
    )
  }
  return { times, received }
}

/**
 * A date of birth one digit short: the message is on screen. Each keystroke then adds the digit
 * (the message goes) or takes it away (it comes back), the worst case: the whole schema runs each time.
 */
async function keystrokeTimes(page: Page): Promise<{ times: number[]; frames: number[] }> {
  const field = page.locator(`#${FIELD}`)
  await field.fill('12/08/199')
  await field.blur()
  await page.locator(`#${FIELD}-error`).waitFor()
  await field.focus()
  await page.keyboard.press('End')
  const times: number[] = []
  const frames: number[] = []
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.evaluate(armValidationTimer, FIELD)
    await page.keyboard.press(i % 2 === 0 ? '9' : 'Backspace')
    times.push(await page.evaluate(() => window.__validationShown ?? Promise.resolve(NaN)))
    frames.push(await page.evaluate(() => window.__nextFrame ?? Promise.resolve(NaN)))
  }
  expectOutcome(times.every(Number.isFinite), 'every keystroke showed or took away the message')
  return { times, frames }
}

/** The registration form in Debian's Chromium, on the built renderer with the real core behind it. */
export default defineBench({
  title: 'Registration form in Chromium (built renderer, real core over the web host)',
  async run(): Promise<Row[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-bench-form-'))
    let host: WebHost
    try {
      host = await startWebHost({ dataDir })
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      return [
        {
          case: 'skipped: the core needs the OS keychain (run under scripts/with-keyring.sh)',
          error: `${error}`,
        },
      ]
    }
    const browser = await chromium.launch({ executablePath, args })
    try {
      const page = await browser.newPage()
      await page.addInitScript(watchFormReady)
      const navigation = await navigationTimes(page, host)
      const keystrokes = await keystrokeTimes(page)
      const median = (values: number[]) => quantile(values, 0.5)
      return [
        versus(
          'navigation -> first field focusable',
          { value: median(navigation.times) },
          { label: 'the page’s bytes received', value: median(navigation.received) },
        ),
        versus(
          'keystroke -> validation message shown or gone',
          { value: median(keystrokes.times) },
          { label: 'keystroke -> next frame', value: median(keystrokes.frames) },
        ),
      ]
    } finally {
      await browser.close()
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})
