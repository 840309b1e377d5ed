/// <reference lib="dom" />
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import * as corpus from '../fixtures/documents/corpus'
import * as realistic from '../fixtures/documents/realistic'
import { passportScan } from '../fixtures/mrz/scan'
import { SPECIMEN } from '../fixtures/mrz/specimen'
import { setPin } from './admin-pin'
import { openDesk, useScannerFolder, type Desk } from './desk'
import { attachScan, chooseFile, field, fillWholeForm, savedDraft } from './register-form'

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

/** Puts `element` at the top of the window, below the sticky header. */
async function scrollToTop(page: Page, element: Locator): Promise<void> {
  // Instant: the DSFR scrolls smoothly, and a screenshot mid-scroll catches the wrong place.
  await element.evaluate((e) => e.scrollIntoView({ block: 'start', behavior: 'instant' }))
  await page.evaluate(() => window.scrollBy({ top: -80, behavior: 'instant' }))
}

/**
 * A group taller than the window, whole, for review: the window made tall enough for a while, so the
 * sticky header and submit bar stay clear of it.
 */
async function groupShot(page: Page, group: Locator, name: string): Promise<void> {
  const { height } = (await group.boundingBox()) ?? { height: 0 }
  await page.setViewportSize({ width: 1366, height: Math.ceil(height) + 300 })
  await scrollToTop(page, group)
  await page.evaluate(() => window.scrollBy(0, -40))
  const box = await group.boundingBox()
  if (box) await page.screenshot({ path: join(shots, `${name}.png`), clip: box })
  await page.setViewportSize({ width: 1366, height: 900 })
}

const toggle = (page: Page) => page.locator('.language-toggle').click()

/**
 * The screen in French then in English: a screenshot of each at 1366×900, and axe's findings.
 * `inView`, if given, is scrolled to the top before each (the other language's text moves it);
 * 'end' scrolls to the page's end, where the submit bar stays clear of the form's last lines.
 */
async function both(page: Page, name: string, inView?: Locator | 'end'): Promise<Finding[]> {
  const findings: Finding[] = []
  for (const lang of ['fr', 'en']) {
    await page.waitForFunction((l) => document.documentElement.lang === l, lang)
    await page.evaluate(() => document.fonts.ready)
    if (inView === 'end')
      await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }))
    else if (inView) await scrollToTop(page, inView)
    await page.screenshot({ path: join(shots, `${name}-${lang}.png`) })
    findings.push(...(await axe(page, `${name} (${lang})`)))
    await toggle(page)
  }
  return findings
}

/**
 * The scanner folder as the tray shows it mid-registration: a phone photo and a scanner PDF with
 * their thumbnails, a copy of the file already attached, a GIF the desk does not take (no picture,
 * and why), and a scan from before the form was opened ("précédent dossier ?").
 */
async function fillScanner(desk: Desk, folder: string): Promise<void> {
  const { page } = desk
  const opened = new Date((await savedDraft(desk)).openedAt).getTime()
  const photo = await realistic.phonePhoto()
  const scans: [string, Buffer, number][] = [
    ['IMG_4127.JPG', photo.bytes, opened + 400],
    ['identity.jpg', await corpus.jpeg(), opened + 300],
    ['animation.gif', await corpus.gif(), opened + 200],
    ['SCAN0042.PDF', (await realistic.scannerPdf()).bytes, opened + 100],
    ['SCAN0041.PDF', await corpus.pdf(1), opened - 3_600_000],
  ]
  for (const [name, bytes, at] of scans) {
    writeFileSync(join(folder, name), bytes)
    utimesSync(join(folder, name), new Date(at), new Date(at))
  }
  const tray = page.getByRole('region', { name: 'Scans reçus' })
  await tray.getByRole('listitem').nth(4).waitFor()
  await scrollToTop(page, tray)
  // Thumbnails come as rows scroll into view: the last rows once the list is scrolled down.
  await tray.getByRole('listitem').first().locator('img').waitFor()
  await tray.getByRole('list').evaluate((list) => (list.scrollTop = list.scrollHeight))
  await expect.poll(() => tray.locator('li img').count(), { timeout: 15_000 }).toBe(4)
  await tray.getByText('Guichet accepte PDF, JPEG et PNG').waitFor()
  expect(await tray.getByRole('listitem').filter({ hasText: 'déjà joint' }).allTextContents()).toEqual([
    expect.stringContaining('identity.jpg'),
  ])
  expect(await tray.getByRole('listitem').filter({ hasText: 'précédent dossier' }).allTextContents()).toEqual(
    [expect.stringContaining('SCAN0041.PDF')],
  )
}

// Sixteen axe runs and screenshots in one walk: on a loaded CPU this takes minutes (a hang guard).
describe('every screen in both languages', { timeout: 240_000 }, () => {
  it('has no axe violation of any impact, and leaves a screenshot at 1366×900 for review', async () => {
    const { page } = desk
    const findings: Finding[] = []
    const scanner = join(tempDir(), 'scanner')
    mkdirSync(scanner)
    await useScannerFolder(desk, scanner)
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

    await fillScanner(desk, scanner)
    findings.push(
      ...(await both(
        page,
        '03b-scan-tray',
        page.getByRole('region', { name: /^(Scans reçus|Received scans)$/ }),
      )),
    )

    await page.getByRole('button', { name: 'Ajouter un contact familial' }).click()
    const contacts = page.getByRole('group', { name: /^(Contacts familiaux|Emergency contacts)$/ })
    await contacts.getByRole('group', { name: 'Contact familial 2' }).waitFor()
    await groupShot(page, contacts, '03c-emergency-contacts-group-fr')
    findings.push(...(await both(page, '03c-emergency-contacts', contacts.getByRole('group').nth(1))))
    const second = page.getByRole('group', { name: 'Contact familial 2' })
    await field(second, 'Nom').fill('Nguyễn')
    await field(second, 'Prénom').fill('Thu')
    await field(second, 'Téléphone portable').fill('+84 913 456 789')
    await field(second, 'Pays').selectOption({ value: 'VN' })
    await expect
      .poll(() => desk.host.core.registrations.loadDraft()?.form.emergencyContacts?.[1]?.country)
      .toBe('VN')

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
    // The offer ends the form.
    findings.push(...(await both(page, '10-mrz-offer', 'end')))
    rmSync(files, { recursive: true, force: true })

    await setPin(page, '246810')
    await page.getByRole('button', { name: 'Verrouiller' }).waitFor()
    await page.evaluate(() => window.scrollTo(0, 0))
    findings.push(...(await both(page, '11-settings-admin')))

    // Locked again: the PIN asked in place, every setting visibly disabled.
    await page.getByRole('button', { name: 'Verrouiller' }).click()
    await page.getByRole('button', { name: 'Déverrouiller' }).waitFor()
    findings.push(
      ...(await both(page, '12-settings-locked', page.locator('section[aria-labelledby="desk-title"]'))),
    )

    expect(findings).toEqual([])
    expect(desk.problems).toEqual([])
  })
})
