/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { referenceOf } from '../../src/domain/queue/reference'
import { createBackend, type Backend } from '../backend/server'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { openDesk, type Desk } from './desk'
import { attachScan, describedText, field, fillWholeForm, savedDraft } from './register-form'

let desk: Desk
let backend: Backend
beforeEach(async () => {
  backend = await createBackend()
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
  await backend.close().catch(() => undefined)
})

const indicator = (page: Page) => page.getByTestId('online-indicator')
const openQueue = (page: Page) => page.getByRole('button', { name: /^File d’attente/ }).click()
const row = (page: Page, clientId: string) => page.locator(`tbody tr[data-client-id="${clientId}"]`)
const submit = (page: Page) => page.getByRole('button', { name: 'Envoyer', exact: true }).click()

/** The desk pointed at the backend as an admin would leave it, without the screens (tested below). */
async function provision(desk: Desk, backend: Backend) {
  const { core } = desk.host
  core.settings.update({ backendUrl: backend.url, deskId: 'e2e-desk' })
  await core.deskToken.set(backend.token)
  core.sync.tokenChanged()
}

/** One registration queued through the core, as the form's Submit does; the sync is told at once. */
async function queued(desk: Desk, email?: string): Promise<string> {
  const clientId = await queueOne(desk.host.core, await documentFiles(tempDir()), email)
  desk.host.core.sync.kick()
  return clientId
}

describe('the queue and the sync, end to end with the reference backend', () => {
  it('an admin configures the desk in Settings; a registration from the form reaches "Envoyé"', async () => {
    const { page } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    await page.getByLabel('Nouveau code administrateur').fill('246810')
    await page.getByLabel('Nouveau code (vérification)').fill('246810')
    await page.getByRole('button', { name: 'Définir un code administrateur' }).click()
    await page.getByText('Code administrateur enregistré.').waitFor()
    await page.getByLabel('Identifiant du poste').fill('paris-salon-3')
    // The settings form's, below the enrollment panel's.
    await page.getByLabel('Adresse du serveur').last().fill(backend.url)
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByText('Réglages enregistrés.').waitFor()
    await page.getByLabel('Nouveau jeton du poste').fill(backend.token)
    await page.getByRole('button', { name: 'Enregistrer le jeton' }).click()
    await page.getByText('Jeton enregistré.').waitFor()
    expect(await page.getByLabel('Nouveau jeton du poste').inputValue()).toBe('')
    await page.getByRole('button', { name: 'Tester la connexion' }).click()
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toContain('Connexion réussie')
    await expect.poll(() => indicator(page).textContent()).toBe('En ligne')
    expect(await page.content()).not.toContain(backend.token)

    await page.getByRole('button', { name: 'Nouveau dossier' }).click()
    await fillWholeForm(page)
    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)
    await page.getByTestId('registration-reference').waitFor()

    await openQueue(page)
    await expect
      .poll(() => row(page, clientId).getAttribute('data-state'), { timeout: 20_000 })
      .toBe('submitted')
    expect(await row(page, clientId).textContent()).toContain('Envoyé')
    expect(await row(page, clientId).textContent()).toContain(referenceOf(clientId))
    expect(backend.store.countRegistrations(clientId)).toBe(1)
    await expect
      .poll(() => page.getByTestId('last-sync').textContent())
      .toContain('Dernière synchronisation réussie')
    expect(await page.getByTestId('count-submitted').textContent()).toContain('Envoyé : 1')
    expect(desk.problems).toEqual([])
  })

  it('an e-mail already taken needs attention; Correct opens the form on it and the same clientId is sent', async () => {
    const { page } = desk
    await provision(desk, backend)
    backend.faults.emailTaken('lan.nguyen@example.com')
    await fillWholeForm(page)
    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)
    await page.getByTestId('registration-reference').waitFor()

    await openQueue(page)
    const record = row(page, clientId)
    await expect.poll(() => record.getAttribute('data-state'), { timeout: 20_000 }).toBe('needs_attention')
    expect(await record.textContent()).toContain('À corriger')
    expect(await record.textContent()).toContain('Cette adresse courriel a déjà un compte MesServices')

    await page.getByRole('button', { name: `Corriger ${referenceOf(clientId)}` }).click()
    const identity = page.getByRole('group', { name: 'Identité' })
    const email = field(identity, 'Adresse courriel')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    expect(await email.inputValue()).toBe('lan.nguyen@example.com')
    expect(await describedText(email)).toContain('déjà un compte MesServices')
    expect(await page.getByRole('alert').first().textContent()).toContain(
      `Dossier ${referenceOf(clientId)} rouvert`,
    )

    await email.fill('lan.nguyen.2026@example.com')
    await field(page, 'Adresse courriel (vérification)').fill('lan.nguyen.2026@example.com')
    await submit(page)
    expect(await page.getByTestId('registration-reference').textContent()).toBe(referenceOf(clientId))

    await openQueue(page)
    await expect
      .poll(() => row(page, clientId).getAttribute('data-state'), { timeout: 20_000 })
      .toBe('submitted')
    expect(backend.store.countRegistrations(clientId)).toBe(1)
    expect(backend.store.registrationByClientId(clientId)?.email).toBe('lan.nguyen.2026@example.com')
  })

  it('a record the server refused opens for correction with words for the form, not "open it with Corriger"', async () => {
    const { page } = desk
    await provision(desk, backend)
    backend.faults.add({
      kind: 'status',
      status: 422,
      code: 'validation_failed',
      route: 'createRegistration',
      times: 1,
    })
    const clientId = await queued(desk)
    await openQueue(page)
    await expect
      .poll(() => row(page, clientId).getAttribute('data-state'), { timeout: 20_000 })
      .toBe('needs_attention')
    expect(await row(page, clientId).textContent()).toContain('Le serveur a refusé certains champs')

    await page.getByRole('button', { name: `Corriger ${referenceOf(clientId)}` }).click()
    const notice = (await page.getByRole('alert').first().textContent()) ?? ''
    expect(notice).toContain(`Dossier ${referenceOf(clientId)} rouvert`)
    expect(notice).toContain('modifiez les champs signalés')
    // The agent is in the form already: no button named there to open it with.
    expect(notice).not.toMatch(/«\s*Corriger\s*»/)
  })

  it('names a captive portal in the header, says "Hors ligne" when the backend is gone, "En ligne" when it is back', async () => {
    const { page } = desk
    await provision(desk, backend)
    await expect.poll(() => indicator(page).textContent()).toBe('En ligne')
    backend.faults.add({ kind: 'captive-portal', page: 'html' })
    await openQueue(page)
    await page.getByRole('button', { name: 'Réessayer', exact: true }).click()
    await expect.poll(() => indicator(page).textContent()).toBe('Wi-Fi\u00a0: connexion requise')
    backend.faults.clear()
    await page.getByRole('button', { name: 'Réessayer', exact: true }).click()
    await expect.poll(() => indicator(page).textContent()).toBe('En ligne')
    await backend.close()
    await page.getByRole('button', { name: 'Réessayer', exact: true }).click()
    await expect.poll(() => indicator(page).textContent()).toBe('Hors ligne')
  })

  it('a refused desk token stops the sync and says the desk must be provisioned again', async () => {
    const { page } = desk
    await provision(desk, backend)
    await expect.poll(() => indicator(page).textContent()).toBe('En ligne')
    backend.auth.revoke(backend.token)
    const clientId = await queued(desk)
    await expect
      .poll(() => indicator(page).textContent(), { timeout: 20_000 })
      .toBe('Poste à réinstaller : jeton refusé')
    await openQueue(page)
    expect(await row(page, clientId).getAttribute('data-state')).toBe('queued')
    expect(backend.store.countRegistrations(clientId)).toBe(0)
  })

  it('online, the agent sends the code to the typed address and verifies the 6 letters; offline, a note says later', async () => {
    const { page } = desk
    const check = page.getByRole('group', { name: 'Vérification de l’adresse courriel' })
    await check.getByText('Hors ligne : le serveur vérifiera l’adresse plus tard').waitFor()
    await provision(desk, backend)
    await expect.poll(() => indicator(page).textContent()).toBe('En ligne')
    const identity = page.getByRole('group', { name: 'Identité' })
    await field(identity, 'Adresse courriel').fill('Chidinma.Okonkwo@example.com')
    await check.getByRole('button', { name: 'Envoyer le code' }).click()
    await check.getByText('Code envoyé à chidinma.okonkwo@example.com').waitFor()
    const code = backend.store.lastCode('chidinma.okonkwo@example.com') ?? ''
    await check.getByLabel('Code reçu (6 lettres)').fill('zzzzzz')
    await check.getByRole('button', { name: 'Vérifier' }).click()
    await check.getByText('Ce n’est pas le code envoyé').waitFor()
    await check.getByLabel('Code reçu (6 lettres)').fill(code.toLowerCase())
    await check.getByRole('button', { name: 'Vérifier' }).click()
    await check.getByText('Adresse vérifiée.').waitFor()
    // Another address is another student: the check starts again.
    await field(identity, 'Adresse courriel').fill('someone.else@example.com')
    await check.getByRole('button', { name: 'Envoyer le code' }).waitFor()
  })
})
