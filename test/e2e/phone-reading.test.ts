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

const AS_FRENCH =
  'Sera envoyé\u00a0: +33 6 61 23 45 67 (France) — pour un autre pays, tapez l’indicatif (+212…) ou choisissez le pays.'

describe('a phone number typed without its country code, end to end', () => {
  it('shows a Moroccan mobile typed nationally as the French number it would send; typed with +212 it is sent as Moroccan', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const mobile = field(page.getByRole('group', { name: 'Coordonnées' }), 'Téléphone portable')
    await mobile.fill('')
    // Key by key, the field keeping the focus: the agent sees it before leaving the field.
    await mobile.pressSequentially('06 61 23 45 67')
    await page.getByText(AS_FRENCH).waitFor()
    expect(await describedText(mobile)).toContain(AS_FRENCH)
    expect(await mobile.getAttribute('aria-invalid')).toBeNull()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-contact-mobile')
    await page.screenshot({ path: 'test-results/phone-read-as-french.png', fullPage: true })

    await mobile.fill('')
    await mobile.pressSequentially('+212 6 61 23 45 67')
    await expect.poll(() => describedText(mobile)).not.toContain('Sera envoyé')
    expect(await page.locator('#f-contact-mobile-warning').count()).toBe(0)
    // The landline fillWholeForm typed, 01 44 27 44 27, is French indeed, and says so.
    expect(
      await describedText(field(page.getByRole('group', { name: 'Coordonnées' }), 'Téléphone fixe')),
    ).toContain('+33 1 44 27 44 27 (France)')

    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await page.getByRole('button', { name: 'Envoyer' }).click()
    await page.getByTestId('registration-reference').waitFor()
    expect(desk.host.core.registrations.read(clientId).student.contact.mobile).toBe('+212661234567')
    expect(desk.problems).toEqual([])
  })
})
