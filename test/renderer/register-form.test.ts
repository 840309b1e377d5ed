import { afterEach, describe, expect, it } from 'vitest'
import DocumentSlots from '../../src/components/documents/DocumentSlots.vue'
import { byId, choose, described, mountDesk, press, settle, submitForm, type } from './fake-guichet'

const REQUIRED = 'Ce champ est obligatoire : remplissez-le.'
let unmount: () => void = () => {}
afterEach(() => unmount())

async function desk(handlers?: Parameters<typeof mountDesk>[0]) {
  const mounted = await mountDesk(handlers)
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

describe('registration form', () => {
  it('on submit, marks every empty required field and focuses the first one', async () => {
    const { calls } = await desk()
    await type('f-lastName', 'Okonkwo')
    await submitForm()
    expect(described('f-civility')).toContain(REQUIRED)
    expect(byId('f-civility').getAttribute('aria-invalid')).toBe('true')
    expect(byId('f-lastName').getAttribute('aria-invalid')).toBeNull()
    for (const id of ['f-firstName', 'f-birthDate', 'f-email', 'f-ine', 'f-contact-mobile', 'f-contact-city'])
      expect(described(id), id).toContain(REQUIRED)
    expect(document.activeElement?.id).toBe('f-civility')
    expect(calls.submitRegistration).not.toHaveBeenCalled()
  })

  it('shows a message when the field is left, not while it is first typed', async () => {
    await desk()
    await type('f-birthDate', '31/02/2001', { leave: false })
    expect(byId('f-birthDate').getAttribute('aria-invalid')).toBeNull()
    byId('f-birthDate').dispatchEvent(new FocusEvent('blur'))
    await settle()
    expect(described('f-birthDate')).toContain('Cette date n’existe pas')
    // Once shown, it follows each keystroke.
    await type('f-birthDate', '28021999', { leave: false })
    expect(byId('f-birthDate').getAttribute('aria-invalid')).toBeNull()
  })

  it('says when the two e-mail addresses differ', async () => {
    await desk()
    await type('f-email', 'Lan.Nguyen@example.com')
    await type('f-emailConfirmation', 'lan.nguyen@exemple.com')
    expect(described('f-emailConfirmation')).toContain('Les deux adresses courriel sont différentes')
    await type('f-emailConfirmation', 'LAN.NGUYEN@example.com')
    expect(byId('f-emailConfirmation').getAttribute('aria-invalid')).toBeNull()
  })

  it('"I have no INE" empties and disables the INE and makes the enrollment proof mandatory', async () => {
    const { wrapper } = await desk()
    await type('f-ine', '1234567890A')
    expect(described('f-ine')).toContain('erreur de saisie')
    expect(wrapper.findComponent(DocumentSlots).props('noIne')).toBe(false)
    byId('f-noIne').click()
    await type('f-lastName', 'x', { leave: false })
    expect(byId('f-ine').value).toBe('')
    expect(byId('f-ine').disabled).toBe(true)
    expect(byId('f-ine').getAttribute('aria-invalid')).toBeNull()
    expect(wrapper.findComponent(DocumentSlots).props('noIne')).toBe(true)
  })

  it('warns, without refusing, about an RNIE whose key cannot be checked', async () => {
    await desk()
    await type('f-ine', '123456789AA')
    expect(byId('f-ine').getAttribute('aria-invalid')).toBeNull()
    expect(described('f-ine')).toContain('Vérifiez cet INE')
  })

  it('Enter in a text field or a checkbox does not submit the form', async () => {
    const { calls } = await desk()
    for (const id of ['f-lastName', 'f-email', 'f-noIne']) {
      const enter = await press(id, 'Enter')
      expect(enter.defaultPrevented, id).toBe(true)
    }
    expect(byId('f-civility').getAttribute('aria-invalid')).toBeNull()
    expect(calls.submitRegistration).not.toHaveBeenCalled()
  })

  it('switching the language re-renders labels and messages', async () => {
    const { wrapper } = await desk()
    await submitForm()
    expect(described('f-lastName')).toContain(REQUIRED)
    // Its name for a screen reader, with French typography in French.
    expect(wrapper.get('button.language-toggle').attributes('aria-label')).toBe('Langue\u00a0: English')
    await wrapper.get('button.language-toggle').trigger('click')
    expect(wrapper.get('button.language-toggle').attributes('aria-label')).toBe('Language: Français')
    expect(described('f-lastName')).toContain('This field is required: please fill it in.')
    expect(document.querySelector('label[for="f-lastName"]')?.textContent).toBe('Surname')
    expect(byId('f-civility').options[1]?.text).toBe('Ms (Mrs, Miss)')
    await wrapper.get('button.language-toggle').trigger('click')
    expect(described('f-lastName')).toContain(REQUIRED)
  })

  it('lists nationalities by their name in the UI language, stateless and refugee last', async () => {
    const { wrapper } = await desk()
    const names = () => [...byId('f-nationality').options].map((option) => option.text)
    expect(names().slice(1, 3)).toEqual(['Afghanistan', 'Afrique du Sud'])
    expect(names()).toContain('Apatride')
    await wrapper.get('button.language-toggle').trigger('click')
    expect(names().slice(1, 3)).toEqual(['Afghanistan', 'Åland Islands'])
    expect(names().at(-4)).toBe('Stateless person')
  })

  it('offers the communes of a French postal code and fills the only one', async () => {
    const { calls } = await desk({
      communesFor: ({ postalCode }: { postalCode: string }) => ({
        ok: true,
        value: postalCode === '75005' ? ['PARIS 05'] : ['SAINT-DENIS', 'LA PLAINE'],
      }),
    })
    await type('f-contact-postalCode', '75005')
    expect(byId('f-contact-city').value).toBe('PARIS 05')
    await type('f-contact-city', '')
    await type('f-contact-postalCode', '97400')
    const list = document.getElementById(byId('f-contact-city').getAttribute('list') ?? '')
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toEqual([
      'SAINT-DENIS',
      'LA PLAINE',
    ])
    await choose('f-contact-country', 'DE')
    await type('f-contact-postalCode', '10115')
    expect(calls.communesFor).toHaveBeenCalledTimes(2)
  })

  it('refills the city when the postal code is corrected, never a city the agent typed', async () => {
    const table: Record<string, string[]> = {
      '75005': ['PARIS 05'],
      '13001': ['MARSEILLE 01'],
      '93200': ['SAINT-DENIS', 'LA PLAINE'],
    }
    await desk({
      communesFor: ({ postalCode }: { postalCode: string }) => ({ ok: true, value: table[postalCode] ?? [] }),
    })
    for (const prefix of ['f-contact', 'f-emergencyContacts-0']) {
      if (prefix !== 'f-contact') {
        ;[...document.querySelectorAll('button')]
          .find((b) => b.textContent?.trim() === 'Ajouter un contact familial')
          ?.click()
        await settle()
        await choose(`${prefix}-country`, 'FR')
      }
      const city = () => byId(`${prefix}-city`).value
      await type(`${prefix}-postalCode`, '75005')
      expect(city(), prefix).toBe('PARIS 05')
      // Corrected digit by digit, through codes too short to look up.
      await type(`${prefix}-postalCode`, '7500')
      await type(`${prefix}-postalCode`, '13001')
      expect(city(), prefix).toBe('MARSEILLE 01')
      // Several communes: the stale one goes, and the list offers them.
      await type(`${prefix}-postalCode`, '93200')
      expect(city(), prefix).toBe('')
      await type(`${prefix}-city`, 'Aubagne')
      await type(`${prefix}-postalCode`, '13001')
      expect(city(), prefix).toBe('Aubagne')
    }
  })

  it('reads an emergency contact’s postal code with the student’s country when it has none', async () => {
    await desk()
    await choose('f-contact-country', 'FR')
    ;[...document.querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Ajouter un contact familial')
      ?.click()
    await settle()
    expect(byId('f-emergencyContacts-0-country').value).toBe('')
    await type('f-emergencyContacts-0-postalCode', '75099')
    expect(described('f-emergencyContacts-0-postalCode')).toContain(
      'Code postal inconnu de la liste des communes',
    )
    await type('f-emergencyContacts-0-postalCode', '99999')
    expect(described('f-emergencyContacts-0-postalCode')).toContain('ne correspond à aucun département')
  })

  it('refuses a French postal code of no département and says what to do', async () => {
    await desk()
    await choose('f-contact-country', 'FR')
    await type('f-contact-postalCode', '99999')
    expect(byId('f-contact-postalCode').getAttribute('aria-invalid')).toBe('true')
    expect(described('f-contact-postalCode')).toContain('ne correspond à aucun département')
    expect(described('f-contact-postalCode')).not.toContain('inconnu')
  })

  it('warns, without refusing, about a well-formed postal code the communes list lacks', async () => {
    const { wrapper } = await desk({
      communesFor: ({ postalCode }: { postalCode: string }) => ({
        ok: true,
        value: postalCode === '75005' ? ['PARIS 05'] : [],
      }),
    })
    const WARNING = 'Code postal inconnu de la liste des communes\u00a0: vérifiez-le.'
    await choose('f-contact-country', 'FR')
    await type('f-contact-postalCode', '75099')
    const field = byId('f-contact-postalCode')
    expect(field.getAttribute('aria-invalid')).toBeNull()
    // Read with the field, not shouted: no live region re-announcing it at each keystroke.
    expect(described('f-contact-postalCode')).toContain(WARNING)
    const warning = document.getElementById(`${field.id}-warning`)
    expect(warning?.closest('[role="alert"], [role="status"], [aria-live]')).toBeNull()
    await wrapper.get('button.language-toggle').trigger('click')
    expect(described('f-contact-postalCode')).toContain(
      'Postal code not in the list of communes: please check it.',
    )
    await wrapper.get('button.language-toggle').trigger('click')
    await type('f-contact-postalCode', '75005')
    expect(described('f-contact-postalCode')).not.toContain(WARNING)
    expect(document.getElementById(`${field.id}-warning`)).toBeNull()
    expect(byId('f-contact-city').value).toBe('PARIS 05')
  })
})
