/// <reference lib="dom" />
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportQueue } from '../../electron/core/transfer/export'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { openDesk, type Desk } from './desk'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(() => desk.close())

/** The focused element as a person would name it: its tag, then its text or its label's. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return 'body'
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : ''
    return `${element.tagName.toLowerCase()}: ${(label || element.textContent || '').trim()}`
  })

/** The text of the live regions (role status or alert) around the element that has the focus's form. */
const announced = (page: Page) =>
  page.evaluate(() =>
    [...(document.activeElement?.closest('form')?.querySelectorAll('[role="status"], [role="alert"]') ?? [])]
      // French typography puts a no-break space before the colon: read as a space.
      .map((region) => region.textContent?.replace(/\s+/g, ' ').trim())
      .join(' | '),
  )

/** Tab until `name` has the keyboard, as an admin walks the screen (at most 60 keys). */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    if ((await focused(page)) === name) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${name}; last: ${await focused(page)}`)
}

/** Types each value in its field, reached with Tab, then presses `button` with Enter. */
async function typeThenPress(page: Page, values: [string, string][], button: string) {
  for (const [label, text] of values) {
    await tabTo(page, `input: ${label}`)
    await page.keyboard.type(text)
  }
  await tabTo(page, `button: ${button}`)
  await page.keyboard.press('Enter')
}

describe('the settings’ buttons, from the keyboard', () => {
  it('keeps the keyboard on "Exporter" once the file is written, and says the outcome in a live region', async () => {
    const { page, host } = desk
    await queueOne(host.core, await documentFiles(tempDir()))
    const file = join(tempDir('guichet-export-'), 'queue.guichet')
    host.transferPath.push(file)
    await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click()
    await page.getByRole('heading', { name: 'Transférer la file vers un autre poste' }).waitFor()

    const exporting = page.getByRole('group', { name: 'Exporter' })
    await exporting.getByRole('button', { name: 'Choisir…' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => exporting.getByLabel('Fichier').inputValue()).toBe(file)

    // A mismatch first: the keyboard stays on the button and the error is read at once.
    const passphrases: [string, string][] = [
      ['Phrase de passe', 'correct horse battery staple'],
      ['Phrase de passe (vérification)', 'correct horse battery stapel'],
    ]
    await typeThenPress(page, passphrases, 'Exporter')
    await expect.poll(() => announced(page)).toContain('Les deux phrases de passe sont différentes.')
    expect(await focused(page)).toBe('button: Exporter')

    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('input: Phrase de passe (vérification)')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('correct horse battery staple')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button: Exporter')
    await page.keyboard.press('Enter')
    // The key is derived at full scrypt cost: wait for the file's outcome, then ask where the keyboard is.
    await page.getByRole('status').filter({ hasText: 'Exportés' }).waitFor()
    expect(existsSync(file)).toBe(true)
    expect(await announced(page)).toBe('Exportés : 1 dossier et 2 documents.')
    expect(await focused(page)).toBe('button: Exporter')
    // The passphrase is gone from the fields, and the button says it cannot run again without one.
    expect(await exporting.getByLabel('Phrase de passe', { exact: true }).inputValue()).toBe('')
    expect(
      await page.getByRole('button', { name: 'Exporter', exact: true }).getAttribute('aria-disabled'),
    ).toBe('true')
    // The keyboard goes on from there to the import, not back to the top of the page.
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('input: Fichier')
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent,
      ),
    ).toBe('Importer')
  })

  it('keeps the keyboard on "Importer" when the passphrase is wrong, and says so', async () => {
    const { page, host } = desk
    await queueOne(host.core, await documentFiles(tempDir()))
    const file = join(tempDir('guichet-export-'), 'queue.guichet')
    await exportQueue(host.core, file, 'correct horse battery staple')
    host.transferPath.push(file)
    await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click()
    const importing = page.getByRole('group', { name: 'Importer' })
    await importing.getByRole('button', { name: 'Choisir…' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => importing.getByLabel('Fichier').inputValue()).toBe(file)
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('input: Phrase de passe')
    await page.keyboard.type('wrong passphrase')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button: Importer')
    await page.keyboard.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'Cette phrase de passe' }).waitFor()
    expect(await announced(page)).toBe('Cette phrase de passe n’ouvre pas le fichier.')
    expect(await focused(page)).toBe('button: Importer')
  })

  it('keeps the keyboard on "Enregistrer le jeton" and "Ajouter l’agent" once their fields are emptied', async () => {
    const { page } = desk
    await page.getByRole('navigation').getByRole('button', { name: 'Réglages' }).click()
    await page.getByLabel('Nouveau jeton du poste').focus()
    await page.keyboard.type('jeton-de-demonstration-0123456789abcdef')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('button: Enregistrer le jeton')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Jeton enregistré.' }).waitFor()
    expect(await page.getByLabel('Nouveau jeton du poste').inputValue()).toBe('')
    expect(await focused(page)).toBe('button: Enregistrer le jeton')
    expect(await announced(page)).toBe('Jeton enregistré.')

    await page.getByLabel('Nom de l’agent').focus()
    const agent: [string, string][] = [
      ['Nom de l’agent', 'Ana Martin'],
      ['Code personnel (4 à 8 chiffres)', '2468'],
      ['Code personnel (vérification)', '2468'],
    ]
    await typeThenPress(page, agent, 'Ajouter l’agent')
    await page.getByRole('status').filter({ hasText: 'Agent Ana Martin ajouté.' }).waitFor()
    expect(await focused(page)).toBe('button: Ajouter l’agent')
    // Empty now: pressed again, it does nothing, and says it cannot (aria-disabled), keyboard in place.
    await page.keyboard.press('Enter')
    expect(await page.getByRole('button', { name: 'Ajouter l’agent' }).getAttribute('aria-disabled')).toBe(
      'true',
    )
    expect(await focused(page)).toBe('button: Ajouter l’agent')
    expect(await desk.host.core.operators.list()).toHaveLength(1)
  })
})
