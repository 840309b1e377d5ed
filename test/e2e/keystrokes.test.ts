/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as corpus from '../fixtures/documents/corpus'
import { passportScan } from '../fixtures/mrz/scan'
import { GERMAN_STUDENT } from '../fixtures/mrz/specimen'
import { openDesk, type Desk } from './desk'
import { field, focusedId } from './register-form'

// The day the core checks the passport's expiry against.
const today = new Date('2026-12-01T09:00:00Z')

let desk: Desk
let files: string
beforeEach(async () => {
  files = mkdtempSync(join(tmpdir(), 'guichet-keys-'))
  writeFileSync(join(files, 'passeport.jpg'), await corpus.sidewaysPhotoWithGps())
  writeFileSync(join(files, 'passeport-mrz.jpg'), await passportScan(GERMAN_STUDENT, { dpi: 300, skew: 1.5 }))
  writeFileSync(join(files, 'attestation-signee.pdf'), await corpus.pdf(1))
  desk = await openDesk({ now: () => today })
})
afterEach(async () => {
  await desk.close()
  rmSync(files, { recursive: true, force: true })
})

/** The keyboard, counting every key an agent presses (a chord such as Ctrl+Enter or Alt+P counts once). */
function keyboard(page: Page) {
  const count = { Tab: 0, Enter: 0, Space: 0, characters: 0, other: 0 }
  const total = () => Object.values(count).reduce((a, b) => a + b, 0)
  return {
    count,
    total,
    report: () =>
      `${total()} (${count.Tab} Tab, ${count.characters} characters, ${count.Space} Space, ` +
      `${count.Enter} Enter, ${count.other} other)`,
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key)
        const name = key.replace(/^Shift\+|^Control\+/, '')
        if (name === 'Tab' || name === 'Enter' || name === 'Space') count[name]++
        else count.other++
      }
    },
    async type(text: string) {
      await page.keyboard.type(text)
      count.characters += [...text].length
    },
  }
}
type Keyboard = ReturnType<typeof keyboard>

/** The two e-mails, typed; Enter from the second lands on "Je n’ai pas d’INE". */
async function emails(page: Page, keys: Keyboard) {
  await keys.type('jonas.schneider@gmx.de')
  await keys.press('Enter')
  await keys.type('jonas.schneider@gmx.de')
  await keys.press('Enter')
  expect(await focusedId(page)).toBe('f-noIne')
}

/** The contact address, typed; the city and country follow from the postal code, Enter goes on. */
async function contact(page: Page, keys: Keyboard) {
  expect(await focusedId(page)).toBe('f-contact-mobile')
  await keys.type('0612345678')
  await keys.press('Enter')
  await keys.type('12 rue des Écoles')
  await keys.press('Enter')
  await keys.type('75005')
  await expect.poll(() => page.locator('#f-contact-city').inputValue()).toBe('PARIS 05')
  await expect.poll(() => page.locator('#f-contact-country').inputValue()).toBe('FR')
  await keys.press('Enter')
}

/**
 * From "Générer l’attestation sur l’honneur": generated and shown to print at once (the desk never
 * saves it), signed by the student, scanned, and the scan added to the student document slot, where
 * closing the preview put the keyboard.
 */
async function statementThenScan(page: Page, keys: Keyboard) {
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
    'Générer l’attestation sur l’honneur',
  )
  await keys.press('Enter')
  const preview = page.getByRole('dialog', { name: 'Attestation sur l’honneur' })
  await preview.getByRole('img').first().waitFor()
  // Printing is the next step: the pages in, the keyboard is on "Imprimer".
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Imprimer')
  await keys.press('Escape')
  await preview.waitFor({ state: 'hidden' })
  await expect.poll(() => focusedId(page)).toBe('choose-enrollment')
  const chooser = page.waitForEvent('filechooser')
  await keys.press('Enter')
  await (await chooser).setFiles(join(files, 'attestation-signee.pdf'))
  await page.getByRole('button', { name: 'Agrandir attestation-signee.pdf' }).waitFor()
}

async function send(page: Page, keys: Keyboard) {
  await keys.press('Control+Enter')
  await page.getByTestId('registration-reference').waitFor()
}

describe('keystrokes for a typical student', { timeout: 180_000 }, () => {
  it('registers a German student with no INE, not yet enrolled, passport + attestation, every field typed (goal 120)', async () => {
    const { page } = desk
    const keys = keyboard(page)
    // The form opens with the keyboard on Civilité: no Tab through the header.
    await expect.poll(() => focusedId(page)).toBe('f-civility')

    await keys.type('mo') // Monsieur, by type-ahead
    await keys.press('Enter')
    await keys.type('Schneider')
    await keys.press('Enter')
    await keys.type('Jonas')
    await keys.press('Enter') // past the optional first names, to the date
    expect(await focusedId(page)).toBe('f-birthDate')
    await keys.type('14031999')
    await keys.press('Enter')
    await emails(page, keys)
    await keys.press('Space') // Je n’ai pas d’INE
    await keys.press('Enter')
    await keys.type('c') // Célibataire
    await keys.press('Enter')
    await keys.type('all') // Allemagne
    await keys.press('Enter')
    await keys.press('Space') // Non inscrit à ce jour
    await keys.press('Enter')
    await contact(page, keys)
    expect(await focusedId(page)).toBe('choose-identity')

    // The passport, through the browser's own file chooser (a photo with no MRZ to read).
    const chooser = page.waitForEvent('filechooser')
    await keys.press('Enter')
    await (await chooser).setFiles(join(files, 'passeport.jpg'))
    await page.getByRole('button', { name: 'Agrandir passeport.jpg' }).waitFor()
    await expect.poll(() => focusedId(page)).toBe('choose-identity')

    await keys.press('Tab') // Générer l’attestation sur l’honneur, next after the passport slot
    await statementThenScan(page, keys)
    await send(page, keys)

    console.log(`Keystrokes for a typical student, typed: ${keys.report()}`)
    // 120 is the goal; 104 of these keys are the student's own data, one per field move is the rest.
    // Held at this figure so that a change costing the agent keys fails here.
    expect(keys.count.Tab).toBeLessThanOrEqual(1)
    expect(keys.total()).toBeLessThanOrEqual(125)
    expect(desk.problems).toEqual([])
  })

  it('registers the same student from a passport scan with a valid MRZ, attached first with Alt+P (goal 120)', async () => {
    const { page } = desk
    const keys = keyboard(page)
    await expect.poll(() => focusedId(page)).toBe('f-civility')

    // Alt+P from the first field: the passport slot's chooser.
    const chooser = page.waitForEvent('filechooser')
    await keys.press('Alt+P')
    await (await chooser).setFiles(join(files, 'passeport-mrz.jpg'))
    const started = performance.now()
    // Read, the offer takes the keyboard on "Appliquer les choix": Enter applies.
    const offer = page.getByRole('region', { name: 'Lecture du passeport' })
    const apply = offer.getByRole('button', { name: 'Appliquer les choix' })
    await apply.waitFor({ timeout: 150_000 })
    const ocrSeconds = (performance.now() - started) / 1000
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Appliquer les choix')
    await keys.press('Enter')

    // Applied: everything the MRZ gives is in the form, and the keyboard is on the first field left.
    await expect.poll(() => focusedId(page)).toBe('f-email')
    expect(await page.locator('#f-civility').inputValue()).toBe('M')
    expect(await field(page, 'Nom').inputValue()).toBe('SCHNEIDER')
    expect(await field(page, 'Prénom').inputValue()).toBe('JONAS')
    expect(await page.locator('#f-birthDate').inputValue()).toBe('14/03/1999')
    expect(await page.locator('#f-nationality').inputValue()).toBe('DE')
    expect(await offer.textContent()).toContain('Remplis depuis le passeport')

    await emails(page, keys)
    await keys.press('Space') // Je n’ai pas d’INE
    await keys.press('Enter')
    await keys.type('c') // Célibataire
    await keys.press('Enter') // past the nationality the passport gave
    expect(await focusedId(page)).toBe('f-establishment-notEnrolledYet')
    await keys.press('Space') // Non inscrit à ce jour
    await keys.press('Enter')
    await contact(page, keys)
    // Enter stops at every checkbox still to answer, the passport's "compared with the student" too;
    // left unticked, as in the typed run.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).title)).toBe(
      'Nom et photo comparés avec l’étudiant.',
    )
    await keys.press('Enter')

    // Not enrolled yet: the statement is what the student slot needs, Enter stopped on "Générer".
    await statementThenScan(page, keys)
    await send(page, keys)

    console.log(`Keystrokes for a typical student, passport MRZ read: ${keys.report()}`)
    console.log(`MRZ read in ${ocrSeconds.toFixed(1)} s (from the file chosen to the offer shown)`)
    expect(keys.count.Tab).toBe(0)
    // The goal, and the figure held so that a change costing the agent keys fails here.
    expect(keys.total()).toBeLessThanOrEqual(120)
    expect(keys.total()).toBeLessThanOrEqual(94)
    expect(desk.problems).toEqual([])
  })
})
