import { afterEach, describe, expect, it } from 'vitest'
import type { DeskSession } from '../../src/domain/people'
import { emptyRegistrationForm } from '../../src/domain/registration/empty-form'
import type { Result } from '../../src/domain/result'
import { useSessionStore } from '../../src/stores/session'
import { byId, mountDesk, ok, settle, submitForm } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

const ana = { id: 'op-aaaaaa', name: 'Ana Martin' }
const form = {
  ...emptyRegistrationForm(),
  civility: 'MME',
  lastName: 'Okonkwo',
  firstName: 'Chidinma',
  birthDate: '12/08/1999',
  email: 'chidinma.okonkwo@example.com',
  emailConfirmation: 'chidinma.okonkwo@example.com',
  ine: '1234567890V',
  familySituation: 'CELIBATAIRE',
  nationality: 'NG',
  establishment: {
    notEnrolledYet: false,
    abroad: false,
    department: '75',
    uai: '0755976N',
    name: 'Université Paris Cité (UP Cité) — Paris 6e',
    country: null,
  },
  contact: {
    landline: '',
    mobile: '06 12 34 56 78',
    address: '12 rue des Écoles',
    postalCode: '75005',
    city: 'PARIS 05',
    country: 'FR',
  },
}
const clientId = '6f1c2a7e-3b7d-4c55-9a1e-2f4b8c9d0e1f'
const passport = {
  id: '9b2f4c1e-3d5a-4e6f-8a7b-1c2d3e4f5a6b',
  kind: 'identity',
  fileName: 'passeport.jpg',
  mediaType: 'image/jpeg',
  size: 204_321,
  sha256: '0'.repeat(64),
  checked: false,
}

describe('locking the desk while Envoyer waits on the core', () => {
  it('the next operator finds an empty form, not the student who was being sent', async () => {
    let session: DeskSession = { operator: ana, locked: false, operatorsExist: true }
    let release: (answer: Result<unknown>) => void = () => {}
    const mounted = await mountDesk({
      sessionStatus: () => ok(session),
      listOperators: () => ok([ana]),
      signIn: () => ok((session = { ...session, locked: false })),
      lockScreen: () => ok((session = { ...session, locked: true })),
      loadDraft: () =>
        ok({ clientId, updatedAt: '2026-03-02T09:30:00.000Z', openedAt: '2026-03-02T09:00:00.000Z', form }),
      listDocuments: () => ok([passport]),
      submitRegistration: () => new Promise<Result<unknown>>((resolve) => (release = resolve)),
    })
    unmount = () => mounted.wrapper.unmount()
    ;[...document.querySelectorAll<HTMLButtonElement>('main button')]
      .find((b) => b.textContent?.trim() === 'Reprendre')!
      .click()
    await settle()
    expect(byId('f-lastName').value).toBe('Okonkwo')

    await submitForm()
    expect(mounted.calls.submitRegistration).toHaveBeenCalledTimes(1)
    await useSessionStore().lock()
    await settle()
    expect(document.querySelector('main')).toBeNull()

    release(ok({ clientId, reference: 'G-7K2Q-9XPM', capturedAt: '2026-03-02T09:31:00.000Z' }))
    await settle()
    await useSessionStore().signIn(ana.id, '2468')
    await settle()

    const page = document.body.textContent ?? ''
    expect(document.querySelector('main')).not.toBeNull()
    expect(page).not.toContain('Okonkwo')
    expect(page).not.toContain('OKONKWO')
    expect(page).not.toContain('chidinma')
    expect(page).not.toContain('G-7K2Q-9XPM')
    expect(byId('f-lastName').value).toBe('')
    expect(byId('f-email').value).toBe('')
  })
})
