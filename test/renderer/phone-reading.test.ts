import { afterEach, describe, expect, it } from 'vitest'
import { byId, choose, described, mountDesk, settle, type } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

async function desk() {
  const mounted = await mountDesk()
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const warningOf = (id: string) => document.getElementById(`${id}-warning`)

describe('a phone number typed without its country code', () => {
  it('shows, as it is typed, the number that will be sent and its country, until the code is typed', async () => {
    const { wrapper } = await desk()
    await choose('f-contact-country', 'FR')
    // Still typing: nothing is a number yet.
    await type('f-contact-mobile', '06 61', { leave: false })
    expect(warningOf('f-contact-mobile')).toBeNull()
    await type('f-contact-mobile', '06 61 23 45 67', { leave: false })
    expect(described('f-contact-mobile')).toContain(
      'Sera envoyé\u00a0: +33 6 61 23 45 67 (France) — pour un autre pays, tapez l’indicatif (+212…) ou choisissez le pays.',
    )
    expect(byId('f-contact-mobile').getAttribute('aria-invalid')).toBeNull()
    // Read with the field, as the postal code's warning, not announced at each keystroke.
    expect(warningOf('f-contact-mobile')?.closest('[role="alert"], [role="status"], [aria-live]')).toBeNull()

    await wrapper.get('button.language-toggle').trigger('click')
    expect(described('f-contact-mobile')).toContain(
      'Will be sent as +33 6 61 23 45 67 (France) — for another country, type its code (+212…) or choose the country.',
    )
    await wrapper.get('button.language-toggle').trigger('click')

    await type('f-contact-mobile', '+212 6 61 23 45 67', { leave: false })
    expect(warningOf('f-contact-mobile')).toBeNull()
    await type('f-contact-mobile', '00212 6 61 23 45 67')
    expect(warningOf('f-contact-mobile')).toBeNull()

    // Choosing the country reads the same digits as a Moroccan number.
    await type('f-contact-mobile', '06 61 23 45 67')
    await choose('f-contact-country', 'MA')
    expect(described('f-contact-mobile')).toContain('Sera envoyé\u00a0: +212 6 61 23 45 67 (Maroc)')
  })

  it('names the overseas region a French-plan number reaches, on the landline too', async () => {
    await desk()
    await choose('f-contact-country', 'FR')
    await type('f-contact-landline', '0262 12 34 56')
    expect(described('f-contact-landline')).toContain('+262 262 12 34 56 (Réunion)')
  })

  it('reads an emergency contact’s number with the student’s country, then with its own once chosen', async () => {
    await desk()
    await choose('f-contact-country', 'FR')
    ;[...document.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Ajouter un contact familial')
      ?.click()
    await settle()
    await type('f-emergencyContacts-0-mobile', '079 123 45 67')
    expect(described('f-emergencyContacts-0-mobile')).toContain('+33 7 91 23 45 67 (France)')
    await choose('f-emergencyContacts-0-country', 'CH')
    expect(described('f-emergencyContacts-0-mobile')).toContain('+41 79 123 45 67 (Suisse)')
  })

  it('lets an error outrank it', async () => {
    await desk()
    await choose('f-contact-country', 'FR')
    await type('f-contact-mobile', '01 23 45 67 89')
    expect(described('f-contact-mobile')).toContain('portable')
    expect(warningOf('f-contact-mobile')).toBeNull()
  })
})
