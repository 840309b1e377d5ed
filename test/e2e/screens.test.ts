/// <reference lib="dom" />
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { passportScan } from '../fixtures/mrz/scan'
import { SPECIMEN } from '../fixtures/mrz/specimen'
import { setPin } from './admin-pin'
import { openDesk, type Desk } from './desk'
import { attachScan, chooseFile, fillWholeForm } from './register-form'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const shots = join('test-results', 'screens')

let desk: Desk
beforeEach(async () => {
  mkdirSync(shots, { recursive: true })
  desk = await openDesk()
  await desk.page.setViewportSize({ width: 1366, height: 900 })
})
afterEach(() => desk.close())

interface Finding {
  screen: string
  rule: string
  impact: string | null | undefined
  targets: string[]
}

/** axe-core's violations on the page as it is (injected by the test runner, outside the page's CSP). */
async function axe(page: Page, screen: string): Promise<Finding[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{
            violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe.run
    // Every rule, the experimental one that compares a button's name with its visible text included.
    const options = {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    }
    return (await run(document, options)).violations
  })
  return violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }))
}

const toggle = (page: Page) => page.locator('.language-toggle').click()

/** The screen in French then in English: a screenshot of each at 1366×900, and axe's findings. */
async function both(page: Page, name: string): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const lang of ['fr', 'en']) {
    await page.waitForFunction((l) => document.documentElement.lang === l, lang)
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: join(shots, `${name}-${lang}.png`) })
    findings.push(...(await axe(page, `${name} (${lang})`)))
    await toggle(page)
  }
  return findings
}

describe('every screen in both languages', () => {
  it('has no axe violation of any impact, and leaves a screenshot at 1366×900 for review', async () => {
    const { page } = desk
    const findings: Finding[] = []
    await page.getByRole('combobox', { name: 'Civilité' }).waitFor()
    findings.push(...(await both(page, '01-form-empty')))

    await page.getByRole('button', { name: 'Envoyer', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'à corriger' }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    findings.push(...(await both(page, '02-form-errors')))

    await fillWholeForm(page)
    await attachScan(desk, 'identity')
    await page.getByRole('group', { name: 'Pièce justificative d’identité' }).scrollIntoViewIfNeeded()
    findings.push(...(await both(page, '03-form-documents')))

    await page.reload()
    await page.getByRole('button', { name: 'Reprendre' }).waitFor()
    findings.push(...(await both(page, '04-draft-offer')))

    await page.getByRole('button', { name: 'Reprendre' }).click()
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click()
    await page.getByTestId('registration-reference').waitFor()
    findings.push(...(await both(page, '05-confirmation')))

    const dir = tempDir()
    await queueOne(desk.host.core, await documentFiles(dir))
    await page.getByRole('button', { name: /^File d’attente/ }).click()
    await page.locator('tbody tr').first().waitFor()
    findings.push(...(await both(page, '06-queue')))

    await page.getByRole('button', { name: 'Réglages' }).click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    findings.push(...(await both(page, '07-settings')))

    expect(findings).toEqual([])
    expect(desk.problems).toEqual([])
  })
})

describe('the passport offer and the settings as admin, in both languages', { timeout: 240_000 }, () => {
  it('has no axe violation of any impact, and leaves a screenshot at 1366×900 for review', async () => {
    const { page } = desk
    const findings: Finding[] = []
    const files = tempDir()
    // The ICAO specimen, expired since 2012: the offer shows its expiry alert too.
    writeFileSync(join(files, 'passeport.jpg'), await passportScan(SPECIMEN, { dpi: 300, skew: 2 }))
    await chooseFile(page, 'identity', join(files, 'passeport.jpg'))
    const offer = page.getByRole('region', { name: 'Lecture du passeport' })
    await offer.getByRole('button', { name: 'Appliquer les choix' }).waitFor({ timeout: 200_000 })
    await offer.scrollIntoViewIfNeeded()
    findings.push(...(await both(page, '10-mrz-offer')))
    rmSync(files, { recursive: true, force: true })

    await setPin(page, '246810')
    await page.getByRole('button', { name: 'Verrouiller' }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    findings.push(...(await both(page, '11-settings-admin')))

    // Locked again: the PIN asked in place, every setting visibly disabled.
    await page.getByRole('button', { name: 'Verrouiller' }).click()
    await page.getByRole('button', { name: 'Déverrouiller' }).waitFor()
    await page.getByRole('heading', { name: 'Poste', exact: true }).scrollIntoViewIfNeeded()
    findings.push(...(await both(page, '12-settings-locked')))

    expect(findings).toEqual([])
    expect(desk.problems).toEqual([])
  })
})
