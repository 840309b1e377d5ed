import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../backend/server'
import { useBackend } from '../backend/use-backend'
import { setPin } from './admin-pin'
import { openDesk, type Desk } from './desk'

const t = useBackend()
let desk: Desk | undefined
let shared: string | undefined
afterEach(async () => {
  await desk?.close()
  if (shared) rmSync(shared, { recursive: true, force: true })
  desk = shared = undefined
})

const enrollments = () => t.backend.log.filter((e) => e.route === 'createDeskEnrollment').length

describe('enrolling the desk from the Settings screen, in Chromium', () => {
  it('refuses a mistyped code before sending it, says an unknown one in words, then enrolls', async () => {
    t.backend.enrollments.add(
      { code: 'ABCD2345EFGH', deskId: 'paris-fair-3', event: 'Salon Paris' },
      new Date(),
    )
    desk = await openDesk()
    const { page } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    await expect
      .poll(() => page.getByTestId('enrollment-state').textContent())
      .toContain('il manque l’adresse du serveur, l’identifiant du poste et le jeton du poste')
    await page.getByRole('button', { name: 'Tester la connexion' }).click()
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toBe(
        'Le poste n’est pas encore prêt\u00a0: il manque l’adresse du serveur, l’identifiant du poste et le jeton du poste. Enregistrez-le ci-dessus.',
      )

    await page.getByLabel('Adresse du serveur').first().fill(t.backend.url)
    await page.getByLabel('Code d’enregistrement').fill('ABCD-0123-EFGH')
    await page.getByRole('button', { name: 'Enregistrer ce poste' }).click()
    await expect
      .poll(() => page.getByTestId('enroll-result').textContent())
      .toContain('Ce n’est pas un code d’enregistrement')
    expect(await page.getByLabel('Code d’enregistrement').getAttribute('aria-invalid')).toBe('true')
    expect(enrollments()).toBe(0)

    await page.getByLabel('Code d’enregistrement').fill('ZZZZ-2222-ZZZZ')
    await page.getByRole('button', { name: 'Enregistrer ce poste' }).click()
    await expect
      .poll(() => page.getByTestId('enroll-result').textContent())
      .toContain('Le serveur ne connaît pas ce code')

    await page.getByLabel('Code d’enregistrement').fill('abcd 2345 efgh')
    await page.getByRole('button', { name: 'Enregistrer ce poste' }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Poste enregistré' }).textContent())
      .toContain('Poste enregistré\u202f: identifiant paris-fair-3, événement «\u202fSalon Paris\u202f»')
    await expect
      .poll(() => page.getByTestId('enrollment-state').textContent())
      .toContain('Ce poste est enregistré')
    // The settings form below shows what the enrollment wrote.
    expect(await page.getByLabel('Identifiant du poste').inputValue()).toBe('paris-fair-3')
    expect(await page.getByLabel('Nom de l’événement').inputValue()).toBe('Salon Paris')
    expect(await desk.host.core.deskToken.get()).toBe(
      t.backend.enrollments.get('ABCD2345EFGH')?.issued?.token,
    )

    await page.getByRole('button', { name: /English/ }).click()
    await expect
      .poll(() => page.getByTestId('enrollment-state').textContent())
      .toContain(`This desk is enrolled: desk id paris-fair-3, server ${t.backend.url}.`)
    expect(desk.problems).toEqual([])
  })

  it('shows the agent, in words, why the provisioning file could not enroll the desk at start', async () => {
    t.backend.enrollments.add({ code: 'JKMN6789PQRS', deskId: 'lyon-1' }, new Date())
    t.backend.enrollments.redeem('JKMN6789PQRS', 'another desk', new Date())
    shared = mkdtempSync(join(tmpdir(), 'guichet-shared-'))
    const file = join(shared, 'desk.json')
    writeFileSync(file, JSON.stringify({ backendUrl: t.backend.url, enrollmentCode: 'JKMN-6789-PQRS' }))
    desk = await openDesk({ provisioningLocations: [file] })
    const notice = desk.page.getByTestId('provisioning-notice').getByRole('alert')
    await expect.poll(() => notice.textContent()).toContain(`Le fichier de préconfiguration (${file})`)
    expect(await notice.textContent()).toContain('Ce code a déjà servi')
    expect(await notice.textContent()).toContain('Il sera relu au prochain démarrage')

    // Closed from the keyboard: the form's first field has the focus at start; Shift+Tab is the notice's button.
    const dismiss = desk.page.getByRole('button', { name: 'Fermer ce message' })
    const focused = () => dismiss.evaluate((button) => button === document.activeElement)
    expect(await desk.page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
    await desk.page.keyboard.press('Shift+Tab')
    expect(await focused()).toBe(true)
    await desk.page.keyboard.press('Enter')
    await expect.poll(() => desk!.page.getByTestId('provisioning-notice').count()).toBe(0)
    expect(await desk.page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN')

    // The next start reads the same file, fails the same way, and does not show it again.
    const { dataDir } = desk
    await desk.close()
    desk = await openDesk({ dataDir, provisioningLocations: [file] })
    expect(await desk.host.provisioned).toMatchObject({ result: 'failed' })
    await desk.page.getByRole('button', { name: 'Réglages' }).click()
    await expect
      .poll(() => desk!.page.getByTestId('enrollment-state').textContent())
      .toContain('Ce poste n’est pas encore enregistré')
    expect(await desk.page.getByTestId('provisioning-notice').count()).toBe(0)
    expect(desk.problems).toEqual([])
  })

  it('keeps an enrolled desk on its backend when the file names another, until the admin accepts it', async () => {
    const other = await createBackend()
    try {
      t.backend.enrollments.add({ code: 'ABCD2345EFGH', deskId: 'paris-3' }, new Date())
      shared = mkdtempSync(join(tmpdir(), 'guichet-shared-'))
      const file = join(shared, 'desk.json')
      writeFileSync(file, JSON.stringify({ backendUrl: t.backend.url, enrollmentCode: 'ABCD2345EFGH' }))
      desk = await openDesk({ provisioningLocations: [file] })
      expect(await desk.host.provisioned).toMatchObject({ result: 'enrolled' })
      await setPin(desk.page, '246810')
      const { dataDir } = desk
      await desk.close()

      // Another account rewrites the file with its own backend and a fresh code.
      other.enrollments.add({ code: 'TUVW3456XYZA', deskId: 'lille-1', event: 'Salon Lille' }, new Date())
      writeFileSync(file, JSON.stringify({ backendUrl: other.url, enrollmentCode: 'TUVW3456XYZA' }))
      desk = await openDesk({ dataDir, provisioningLocations: [file] })
      const { page } = desk
      const notice = page.getByTestId('provisioning-notice')
      await expect.poll(() => notice.textContent()).toContain(`un autre serveur\u202f: ${other.url}`)
      expect(await notice.textContent()).toContain(`Le poste reste rattaché à ${t.backend.url}`)
      const accept = notice.getByRole('button', { name: 'Accepter ce serveur' })
      await accept.click()
      await notice.getByText('Cette action demande le mode administrateur').waitFor()
      expect(other.log).toEqual([])
      expect(desk.host.core.settings.get().backendUrl).toBe(t.backend.url)

      await page.getByRole('button', { name: 'Réglages' }).click()
      await page.getByLabel('Code administrateur', { exact: true }).fill('246810')
      await page.getByRole('button', { name: 'Déverrouiller' }).click()
      await page.getByText('Mode administrateur déverrouillé').waitFor()
      await accept.click()
      await expect
        .poll(() => page.getByTestId('enrollment-state').textContent())
        .toContain(`identifiant lille-1, serveur ${other.url}`)
      expect(await notice.textContent()).toContain('identifiant lille-1')
      expect(desk.problems).toEqual([])
    } finally {
      await other.close()
    }
  })
})
