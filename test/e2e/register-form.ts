import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { expect } from 'vitest'
import type { DocumentKind } from '../../src/domain/queue/states'
import type { Desk } from './desk'

/** Label texts of the French form, as getByLabel reads them (exact, so "Nom" is not "Prénom"). */
export const field = (scope: Page | Locator, label: string): Locator =>
  scope.getByLabel(label, { exact: true })

/** The draft the core holds once the form has saved it (after a blur or a pause in typing). */
export async function savedDraft(desk: Desk) {
  await expect.poll(() => desk.host.core.registrations.loadDraft(), { timeout: 5000 }).not.toBeNull()
  const draft = desk.host.core.registrations.loadDraft()
  if (!draft) throw new Error('no draft')
  return draft
}

const slotNames: Record<DocumentKind, string> = {
  identity: 'Pièce justificative d’identité',
  enrollment: 'Pièce justificative étudiante',
}

/** A real scan (a JPEG made by sharp) attached as the agent does: "Choisir un fichier…", the browser's chooser. */
export async function attachScan(desk: Desk, kind: DocumentKind): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-scan-'))
  const path = join(dir, `${kind}.jpg`)
  await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#d8d2c4' } })
    .jpeg()
    .toFile(path)
  await chooseFile(desk.page, kind, path)
  await desk.page
    .getByRole('group', { name: slotNames[kind] })
    .getByRole('button', { name: `Agrandir ${kind}.jpg` })
    .waitFor()
}

/** A file given to a slot as the agent gives it: "Choisir un fichier…", then the browser's own chooser. */
export async function chooseFile(page: Page, kind: DocumentKind, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page
    .getByRole('group', { name: slotNames[kind] })
    .getByRole('button', { name: 'Choisir un fichier…' })
    .click()
  await (await chooser).setFiles(path)
}

/** The establishment combobox: types the letters, waits for the list, picks the option by its text. */
export async function pickEstablishment(page: Page, typed: string, option: RegExp): Promise<void> {
  const combobox = page.getByRole('combobox', { name: 'Établissement', exact: true })
  const list = page.getByRole('listbox', { name: 'Établissement', exact: true })
  await combobox.fill(typed)
  await list.getByRole('option', { name: option }).first().waitFor()
  const options = (await list.getByRole('option').allTextContents()).map((text) => text.trim())
  const index = options.findIndex((text) => option.test(text))
  for (let i = 0; i <= index; i++) await combobox.press('ArrowDown')
  await combobox.press('Enter')
}

/** Every field of a valid registration, typed by its label like an agent would. */
export async function fillWholeForm(page: Page): Promise<void> {
  await field(page, 'Civilité').selectOption({ label: 'Madame' })
  await field(page, 'Nom').fill('Nguyễn')
  await field(page, 'Prénom').fill('Thị Lan')
  await field(page, 'Deuxième prénom').fill('Mai')
  await field(page, 'Troisième prénom').fill('Anh')
  await field(page, 'Date de naissance').fill('12081999')
  await field(page, 'Adresse courriel').fill('Lan.Nguyen@Example.com')
  await field(page, 'Adresse courriel (vérification)').fill('lan.nguyen@example.com')
  await field(page, 'Numéro INE').fill('1234567890V')
  await field(page, 'Situation familiale').selectOption({ label: 'Célibataire' })
  await field(page, 'Nationalité').selectOption({ value: 'VN' })
  await field(page, 'Département').selectOption({ value: '75' })
  await pickEstablishment(page, 'Paris Cité', /^Université Paris Cité/)
  await field(page, 'Téléphone fixe').fill('01 44 27 44 27')
  await field(page, 'Téléphone portable').fill('06 12 34 56 78')
  await field(page, 'Adresse').fill('12 rue des Écoles')
  await field(page, 'Code postal').fill('75005')
  await expect.poll(() => field(page, 'Ville').inputValue()).toBe('PARIS 05')
  await field(page, 'Pays').selectOption({ value: 'FR' })
  await page.getByRole('button', { name: 'Ajouter un contact familial' }).click()
  const contact = page.getByRole('group', { name: 'Contact familial 1' })
  await field(contact, 'Civilité').selectOption({ label: 'Monsieur' })
  await field(contact, 'Nom').fill('Nguyễn')
  await field(contact, 'Prénom').fill('Văn Minh')
  await field(contact, 'Adresse courriel').fill('minh.nguyen@example.vn')
  await field(contact, 'Téléphone portable').fill('+84 912 345 678')
  await field(contact, 'Pays').selectOption({ value: 'VN' })
}

/** The texts a field points at with aria-describedby (its hint and its error), as a screen reader reads them. */
export const describedText = (locator: Locator): Promise<string> =>
  locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  )

/** The id of the element that has the keyboard focus. */
export const focusedId = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.activeElement?.id)

/** Each text typed in the field that has the keyboard, then Enter to the next field to fill. */
export async function typeEach(page: Page, ...texts: string[]): Promise<void> {
  for (const text of texts) {
    await page.keyboard.type(text)
    await page.keyboard.press('Enter')
  }
}
