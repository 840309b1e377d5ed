import { afterEach, describe, expect, it } from 'vitest'
import { byId, described, mountDesk, settle, submitForm, type } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

async function desk() {
  const mounted = await mountDesk()
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const button = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement
const legends = () =>
  [...document.querySelectorAll('fieldset.emergency-contact > legend')].map((l) => l.textContent?.trim())

describe('emergency contacts', () => {
  it('says they are optional but strongly advised, and adds up to two', async () => {
    await desk()
    expect(document.body.textContent).toContain('Facultatif mais vivement conseillé')
    expect(legends()).toEqual([])
    button('Ajouter un contact familial').click()
    await settle()
    expect(legends()).toEqual(['Contact familial 1'])
    expect(document.activeElement?.id).toBe('f-emergencyContacts-0-civility')
    button('Ajouter un contact familial').click()
    await settle()
    expect(legends()).toEqual(['Contact familial 1', 'Contact familial 2'])
    expect(button('Ajouter un contact familial')).toBeUndefined()

    await type('f-emergencyContacts-1-lastName', 'Second')
    button('Retirer le contact familial 1').click()
    await settle()
    expect(legends()).toEqual(['Contact familial 1'])
    expect(byId('f-emergencyContacts-0-lastName').value).toBe('Second')
    expect(document.activeElement?.id).toBe('add-emergency-contact')
  })

  it('an empty contact passes; once started it needs a name and one way to reach them', async () => {
    await desk()
    button('Ajouter un contact familial').click()
    await settle()
    await submitForm()
    expect(byId('f-emergencyContacts-0-lastName').getAttribute('aria-invalid')).toBeNull()

    await type('f-emergencyContacts-0-lastName', 'Nguyễn')
    await submitForm()
    expect(described('f-emergencyContacts-0-firstName')).toContain('Ce champ est obligatoire')
    expect(described('f-emergencyContacts-0-mobile')).toContain(
      'Indiquez au moins un moyen de joindre ce contact',
    )
    await type('f-emergencyContacts-0-firstName', 'Văn Minh')
    await type('f-emergencyContacts-0-email', 'minh@example.vn')
    expect(byId('f-emergencyContacts-0-mobile').getAttribute('aria-invalid')).toBeNull()
    expect(byId('f-emergencyContacts-0-firstName').getAttribute('aria-invalid')).toBeNull()
  })
})
