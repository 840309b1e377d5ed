/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'
import { attachScan, describedText, field, fillWholeForm, savedDraft } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
})

const WARNING = 'Code postal inconnu de la liste des communes\u00a0: vérifiez-le.'

/** The student's own postal code (the emergency contact's fields repeat the label). */
const studentPostalCode = (desk: Desk) =>
  field(desk.page.getByRole('group', { name: 'Coordonnées' }), 'Code postal')

describe('the postal code, end to end', () => {
  it('sends a registration whose well-formed postal code the communes list lacks, after a warning', async () => {
    const { page } = desk
    await fillWholeForm(page)
    // 75099: a Paris code La Poste's list does not hold (a new CEDEX would be the same).
    expect(desk.host.core.reference.postalCodes.has('75099')).toBe(false)
    const postalCode = studentPostalCode(desk)
    await postalCode.fill('75099')
    await postalCode.press('Tab')
    const warning = page.getByText(WARNING)
    await warning.waitFor()
    expect(await describedText(postalCode)).toContain(WARNING)
    expect(await postalCode.getAttribute('aria-invalid')).toBeNull()
    await page.screenshot({ path: 'test-results/postcode-unknown-warning.png', fullPage: true })

    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await page.getByRole('button', { name: 'Envoyer' }).click()
    const reference = page.getByTestId('registration-reference')
    await reference.waitFor()
    expect(await page.getByRole('alert').filter({ hasText: 'erreur' }).count()).toBe(0)
    expect(desk.host.core.registrations.read(clientId).student.contact).toMatchObject({
      postalCode: '75099',
      country: 'FR',
    })
    expect(desk.problems).toEqual([])
  })

  it('refuses 99999 under the field and in the summary, and sends nothing', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const postalCode = studentPostalCode(desk)
    await postalCode.fill('99999')
    await postalCode.press('Tab')
    const refusal = 'Ce code postal ne correspond à aucun département'
    await expect.poll(() => describedText(postalCode)).toContain(refusal)
    expect(await postalCode.getAttribute('aria-invalid')).toBe('true')
    expect(await describedText(postalCode)).not.toContain(WARNING)

    await attachScan(desk, 'identity')
    await page.getByRole('button', { name: 'Envoyer' }).click()
    const summary = page.getByRole('alert').filter({ hasText: '1 erreur à corriger' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('Code postal')
    await page.screenshot({ path: 'test-results/postcode-refused.png', fullPage: true })
    expect(await page.getByTestId('registration-reference').count()).toBe(0)
    expect(desk.host.core.outbox.counts().queued).toBe(0)
  })

  it('refills the city when the agent corrects the postal code, and keeps a city typed by hand', async () => {
    const { page } = desk
    const contact = page.getByRole('group', { name: 'Coordonnées' })
    const postalCode = studentPostalCode(desk)
    const city = field(contact, 'Ville')
    await postalCode.fill('75005')
    await postalCode.press('Tab')
    await expect.poll(() => city.inputValue()).toBe('PARIS 05')
    await postalCode.fill('13001')
    await postalCode.press('Tab')
    await expect.poll(() => city.inputValue()).toBe('MARSEILLE 01')
    await city.fill('Aubagne')
    await postalCode.fill('75005')
    await postalCode.press('Tab')
    // The list has answered (its commune is offered), and the typed city stays.
    await expect
      .poll(() => city.evaluate((input: HTMLInputElement) => input.list?.querySelector('option')?.value))
      .toBe('PARIS 05')
    expect(await city.inputValue()).toBe('Aubagne')

    // An emergency contact's address follows the same rule.
    await page.getByRole('button', { name: 'Ajouter un contact familial' }).click()
    const relative = page.getByRole('group', { name: 'Contact familial 1' })
    await field(relative, 'Code postal').fill('75005')
    await field(relative, 'Code postal').press('Tab')
    await expect.poll(() => field(relative, 'Ville').inputValue()).toBe('PARIS 05')
    await field(relative, 'Code postal').fill('13001')
    await field(relative, 'Code postal').press('Tab')
    await expect.poll(() => field(relative, 'Ville').inputValue()).toBe('MARSEILLE 01')
    expect(desk.problems).toEqual([])
  })
})
