/// <reference lib="dom" />
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setPin } from './admin-pin'
import { openDesk, type Desk } from './desk'
import { attachScan, fillWholeForm } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
})

const CONTACT = 'Accueil international – Bâtiment A – 01 23 45 67 89 – accueil-international@univ-exemple.fr'

/**
 * What Chromium prints for the page ("Imprimer le récapitulatif"), as the PDF its print dialog would
 * make, with its text stripped of spaces (Chromium places letters one by one, so spaces are unreliable).
 */
async function printed(page: Page, path?: string): Promise<{ pages: number; text: string }> {
  const data = new Uint8Array(await page.pdf({ format: 'A4', ...(path && { path }) }))
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise
  let text = ''
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  await pdf.destroy()
  return { pages: pdf.numPages, text: squeeze(text) }
}

const squeeze = (text: string | null) => (text ?? '').replace(/\s+/g, '')

async function register(page: Page, email: string): Promise<void> {
  await fillWholeForm(page)
  await page.getByLabel('Adresse courriel', { exact: true }).first().fill(email)
  await page.getByLabel('Adresse courriel (vérification)', { exact: true }).fill(email)
  await attachScan(desk, 'identity')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await page.getByTestId('registration-reference').waitFor()
}

describe('the desk contact on the printed receipt, end to end', () => {
  it('prints no contact until the admin sets one in Settings, then prints it in both languages', async () => {
    const { page, host } = desk
    await register(page, 'lan.nguyen@example.com')
    const before = await printed(page)
    expect(before.pages).toBe(1)
    expect(before.text).toContain(squeeze(await page.getByTestId('registration-reference').textContent()))
    expect(before.text).not.toMatch(/Contactdel’accueil|Deskcontact/)

    // The admin sets a PIN, locks, and must unlock before the contact can be changed.
    await setPin(page, '246810')
    await page.getByRole('button', { name: 'Verrouiller' }).click()
    const contact = page.getByLabel('Contact de l’accueil')
    await expect.poll(() => contact.isDisabled()).toBe(true)
    await page.getByLabel('Code administrateur', { exact: true }).fill('246810')
    await page.getByRole('button', { name: 'Déverrouiller' }).click()
    await expect.poll(() => contact.isDisabled()).toBe(false)
    await contact.fill(CONTACT)
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('status').getByText('Réglages enregistrés.').waitFor()
    expect(host.core.settings.get().deskContact).toBe(CONTACT)

    // Back on the register screen: an empty form, the last confirmation went with the screen.
    await page.getByRole('navigation').getByRole('button', { name: 'Nouveau dossier' }).click()
    await register(page, 'minh.tran@example.com')
    const after = await printed(page, 'test-results/receipt-with-desk-contact.pdf')
    expect(after.pages).toBe(1)
    expect(after.text).toContain('Contactdel’accueil')
    expect(after.text).toContain('Deskcontact')
    expect(after.text.split(squeeze(CONTACT))).toHaveLength(3)
    await page.emulateMedia({ media: 'print' })
    const receipt = page.locator('.receipt')
    expect(await receipt.isVisible()).toBe(true)
    await receipt.screenshot({ path: 'test-results/receipt-with-desk-contact.png' })
    expect(desk.problems).toEqual([])
  })

  it('refuses a contact holding markup, saying what to do, and keeps the one saved before', async () => {
    const { page, host } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    const contact = page.getByLabel('Contact de l’accueil')
    await contact.fill(CONTACT)
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('status').getByText('Réglages enregistrés.').waitFor()
    await contact.fill('<b>Accueil</b>')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Les signes < et > ne sont pas acceptés')
    expect(await contact.getAttribute('aria-invalid')).toBe('true')
    expect(host.core.settings.get().deskContact).toBe(CONTACT)
  })
})
