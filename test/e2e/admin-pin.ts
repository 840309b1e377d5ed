import type { Page } from 'playwright-core'

/** Sets the admin PIN in Settings, as an admin provisioning the desk does (admin mode stays unlocked). */
export async function setPin(page: Page, pin: string): Promise<void> {
  await page.getByRole('button', { name: 'Réglages' }).click()
  await page.getByLabel('Nouveau code administrateur').fill(pin)
  await page.getByLabel('Nouveau code (vérification)').fill(pin)
  await page.getByRole('button', { name: 'Définir un code administrateur' }).click()
  await page.getByText('Code administrateur enregistré.').waitFor()
}
