/// <reference lib="dom" />
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { referenceOf } from '../../src/domain/queue/reference'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { setPin } from './admin-pin'
import { openDesk, type Desk } from './desk'

let desks: Desk[] = []
let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
  desks = [desk]
})
afterEach(async () => {
  await Promise.all(desks.map((d) => d.close()))
})

const openSettings = (page: Page) => page.getByRole('button', { name: 'Réglages' }).click()
const openQueue = (page: Page) => page.getByRole('button', { name: /^File d’attente/ }).click()
const row = (page: Page, clientId: string) => page.locator(`tbody tr[data-client-id="${clientId}"]`)

describe('admin mode, end to end', () => {
  it('once locked, the settings are disabled and a discard waits for the PIN typed in its dialog', async () => {
    const { page, host } = desk
    await setPin(page, '246810')
    await page.getByRole('button', { name: 'Verrouiller' }).click()
    await expect.poll(() => page.getByLabel('Identifiant du poste').isDisabled()).toBe(true)
    expect(await page.getByLabel('Nouveau jeton du poste').isDisabled()).toBe(true)
    await page.getByText('Mode administrateur verrouillé : déverrouillez-le').waitFor()

    const clientId = await queueOne(host.core, await documentFiles(tempDir()))
    const reference = referenceOf(clientId)
    await openQueue(page)
    await page.getByRole('button', { name: `Supprimer ${reference}` }).click()
    const dialog = page.getByRole('dialog', { name: `Supprimer le dossier ${reference} ?` })
    // Nobody signed in and admin mode locked: the core sent the reference, not the student's name.
    expect(await dialog.textContent()).not.toContain('Nguyen')
    await dialog.getByLabel(`Pour confirmer, saisissez la référence ${reference}`).fill(reference)
    await dialog.getByRole('button', { name: 'Supprimer définitivement' }).click()
    await dialog.getByText('Cette action demande le mode administrateur').waitFor()
    expect(host.core.outbox.stateOf(clientId)).toBe('queued')

    await dialog.getByLabel('Code administrateur').fill('111111')
    await dialog.getByRole('button', { name: 'Déverrouiller' }).click()
    await dialog.getByText('Ce n’est pas le code administrateur.').waitFor()
    expect(host.core.outbox.stateOf(clientId)).toBe('queued')

    await dialog.getByLabel('Code administrateur').fill('246810')
    await dialog.getByRole('button', { name: 'Déverrouiller' }).click()
    await row(page, clientId).waitFor({ state: 'detached' })
    expect(host.core.outbox.stateOf(clientId)).toBeUndefined()
    expect(await dialog.isVisible()).toBe(false)
  })

  it('exports the queue from Settings to an encrypted file that another desk imports, same clientId', async () => {
    const { page, host } = desk
    const clientId = await queueOne(host.core, await documentFiles(tempDir()))
    const file = join(tempDir('guichet-export-'), 'queue.guichet')
    host.transferPath.push(file)
    await openSettings(page)
    const exporting = page.getByRole('group', { name: 'Exporter' })
    await exporting.getByRole('button', { name: 'Choisir…' }).click()
    await expect.poll(() => exporting.getByLabel('Fichier').inputValue()).toBe(file)
    await exporting.getByLabel('Phrase de passe', { exact: true }).fill('correct horse battery staple')
    await exporting.getByLabel('Phrase de passe (vérification)').fill('correct horse battery staple')
    // The button sits after its group, which is disabled while the file is written.
    await page.getByRole('button', { name: 'Exporter', exact: true }).click()
    await page.getByText('Exportés : 1 dossier et 2 documents.').waitFor()
    expect(existsSync(file)).toBe(true)

    const other = await openDesk()
    desks.push(other)
    await openSettings(other.page)
    const importing = other.page.getByRole('group', { name: 'Importer' })
    other.host.transferPath.push(file)
    await importing.getByRole('button', { name: 'Choisir…' }).click()
    await expect.poll(() => importing.getByLabel('Fichier').inputValue()).toBe(file)
    await importing.getByLabel('Phrase de passe').fill('wrong passphrase')
    await other.page.getByRole('button', { name: 'Importer', exact: true }).click()
    await other.page.getByText('Cette phrase de passe n’ouvre pas le fichier.').waitFor()
    await importing.getByLabel('Phrase de passe').fill('correct horse battery staple')
    await other.page.getByRole('button', { name: 'Importer', exact: true }).click()
    await other.page.getByText('Ajoutés à la file : 1 dossier et 2 documents ; aucun déjà présent.').waitFor()
    await openQueue(other.page)
    await row(other.page, clientId).waitFor()
    expect(await row(other.page, clientId).getAttribute('data-state')).toBe('queued')
  })
})
