import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DeskSession } from '../../src/domain/people'
import type { RegistrationDraft } from '../../src/domain/registration/empty-form'
import { emptyRegistrationForm } from '../../src/domain/registration/empty-form'
import type { Result } from '../../src/domain/result'
import { useRegistrationStore } from '../../src/stores/registration'
import { useSessionStore } from '../../src/stores/session'
import { byId, described, mountDesk, ok, settle, submitForm, type } from './fake-guichet'

let unmount: () => void = () => {}
afterEach(() => unmount())

async function desk(handlers?: Parameters<typeof mountDesk>[0]) {
  const mounted = await mountDesk(handlers)
  unmount = () => mounted.wrapper.unmount()
  return mounted
}

const button = (text: string, where = 'main') =>
  [...document.querySelectorAll<HTMLButtonElement>(`${where} button`)].find(
    (b) => b.textContent?.trim() === text,
  ) as HTMLButtonElement | undefined

/** A form the schema accepts, as the agent would have typed it. */
const validForm = (): RegistrationDraft => ({
  ...emptyRegistrationForm(),
  civility: 'MME',
  lastName: 'Nguyễn',
  firstName: 'Thị Lan',
  birthDate: '12/08/1999',
  email: 'lan.nguyen@example.com',
  emailConfirmation: 'lan.nguyen@example.com',
  ine: '1234567890V',
  familySituation: 'CELIBATAIRE',
  nationality: 'VN',
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
})

const draft = { clientId: '6f1c2a7e-3b7d-4c55-9a1e-2f4b8c9d0e1f', updatedAt: '2026-03-02T09:30:00.000Z' }

/** The passport already attached, so the form sends (without it, it stops at the missing document). */
const passport = () => ({
  ok: true,
  value: [
    {
      id: '9b2f4c1e-3d5a-4e6f-8a7b-1c2d3e4f5a6b',
      kind: 'identity',
      fileName: 'passeport.jpg',
      mediaType: 'image/jpeg',
      size: 204_321,
      sha256: '0'.repeat(64),
      checked: false,
    },
  ],
})

describe('registration flow', () => {
  it('saves the draft through the core as the agent types, under one clientId', async () => {
    const { calls } = await desk()
    await type('f-lastName', 'Okonkwo', { leave: false })
    await vi.waitFor(() => expect(calls.saveDraft).toHaveBeenCalled(), { timeout: 2000 })
    await type('f-firstName', 'Chidinma')
    await vi.waitFor(() => expect(calls.saveDraft).toHaveBeenCalledTimes(2), { timeout: 2000 })
    const [first, second] = calls.saveDraft.mock.calls.map(([request]) => request)
    expect(first.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(second).toMatchObject({
      clientId: first.clientId,
      form: { lastName: 'Okonkwo', firstName: 'Chidinma' },
    })
  })

  it('keeps what was typed when the agent opens the settings and comes back', async () => {
    await desk()
    await type('f-lastName', 'Okonkwo')
    button('Réglages', 'header')?.click()
    await settle()
    expect(byId('f-lastName')).toBeNull()
    button('Nouveau dossier', 'header')?.click()
    await settle()
    expect(byId('f-lastName').value).toBe('Okonkwo')
  })

  it('offers the draft found on start; Resume brings its values back', async () => {
    const { calls } = await desk({
      loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }),
      listDocuments: passport,
    })
    expect(document.body.textContent).toContain('Reprendre le dossier de Thị Lan NGUYỄN ?')
    expect(document.activeElement?.textContent).toBe('Reprendre')
    button('Reprendre')?.click()
    await settle()
    expect(byId('f-lastName').value).toBe('Nguyễn')
    expect((document.getElementById('f-establishment-uai') as HTMLInputElement).value).toBe(
      'Université Paris Cité (UP Cité) — Paris 6e',
    )
    await submitForm()
    expect(calls.submitRegistration).toHaveBeenCalledWith(
      expect.objectContaining({ clientId: draft.clientId }),
    )
  })

  it('Discard deletes the draft in the core and starts an empty form', async () => {
    const { calls } = await desk({ loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }) })
    button('Abandonner')?.click()
    await settle()
    expect(calls.discardDraft).not.toHaveBeenCalled()
    expect(document.activeElement?.textContent?.trim()).toBe('Non, garder le dossier')
    button('Oui, abandonner')?.click()
    await settle()
    expect(calls.discardDraft).toHaveBeenCalledWith({ clientId: draft.clientId })
    expect(byId('f-lastName').value).toBe('')
  })

  it('on success shows the reference; "New registration" leaves nothing of the student', async () => {
    const { calls } = await desk({
      loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }),
      listDocuments: passport,
      submitRegistration: ({ clientId }: { clientId: string }) => ({
        ok: true,
        value: { clientId, reference: 'G-7K3M-Q2XA', capturedAt: '2026-03-02T09:31:00.000Z' },
      }),
    })
    button('Reprendre')?.click()
    await settle()
    await submitForm()
    expect(calls.submitRegistration).toHaveBeenCalledWith({
      clientId: draft.clientId,
      form: expect.objectContaining({ lastName: 'Nguyễn' }),
    })
    expect(document.querySelector('[data-testid="registration-reference"]')?.textContent).toBe('G-7K3M-Q2XA')
    expect(document.body.innerHTML).not.toContain('Nguyễn')
    expect(JSON.stringify(useRegistrationStore().$state)).not.toContain('Nguyễn')

    button('Nouveau dossier')?.click()
    await settle()
    expect(byId('f-lastName').value).toBe('')
    expect(useRegistrationStore().clientId).not.toBe(draft.clientId)
    expect(document.body.innerHTML).not.toContain('G-7K3M-Q2XA')
  })

  it('the confirmation and its receipt show the address as it is sent, not as it was typed', async () => {
    const typed = 'Lan.Nguyen@Université.FR\u200B'
    await desk({
      loadDraft: () => ({
        ok: true,
        value: { ...draft, form: { ...validForm(), email: typed, emailConfirmation: typed } },
      }),
      listDocuments: passport,
    })
    button('Reprendre')?.click()
    await settle()
    await submitForm()
    const page = document.querySelector('main')?.textContent ?? ''
    expect(page).toContain('Un courriel sera envoyé à lan.nguyen@xn--universit-j4a.fr dès')
    expect(page).not.toContain('université')
    expect(page).not.toContain('\u200B')
  })

  it('locked while Envoyer waits on the core: the next operator finds an empty form, not that student', async () => {
    const ana = { id: 'op-aaaaaa', name: 'Ana Martin' }
    let session: DeskSession = { operator: ana, locked: false, operatorsExist: true }
    let release: (answer: Result<unknown>) => void = () => {}
    const { calls } = await desk({
      sessionStatus: () => ok(session),
      signIn: () => ok((session = { ...session, locked: false })),
      lockScreen: () => ok((session = { ...session, locked: true })),
      loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }),
      listDocuments: passport,
      submitRegistration: () => new Promise<Result<unknown>>((resolve) => (release = resolve)),
    })
    button('Reprendre')?.click()
    await settle()
    await submitForm()
    expect(calls.submitRegistration).toHaveBeenCalledTimes(1)
    await useSessionStore().lock()
    await settle()
    expect(document.querySelector('main')).toBeNull()

    release(
      ok({ clientId: draft.clientId, reference: 'G-7K2Q-9XPM', capturedAt: '2026-03-02T09:31:00.000Z' }),
    )
    await settle()
    await useSessionStore().signIn(ana.id, '2468')
    await settle()

    const page = document.body.textContent ?? ''
    expect(document.querySelector('main')).not.toBeNull()
    for (const shown of ['Nguyễn', 'NGUYỄN', 'lan.nguyen', 'G-7K2Q-9XPM']) expect(page).not.toContain(shown)
    expect(byId('f-lastName').value).toBe('')
    expect(byId('f-email').value).toBe('')
  })

  it('sends a form whose postal code the communes list lacks, the warning aside', async () => {
    const { calls } = await desk({
      loadDraft: () => ({
        ok: true,
        value: {
          ...draft,
          form: { ...validForm(), contact: { ...validForm().contact, postalCode: '75099' } },
        },
      }),
      communesFor: () => ({ ok: true, value: [] }),
      listDocuments: passport,
    })
    button('Reprendre')?.click()
    await settle()
    expect(described('f-contact-postalCode')).toContain('Code postal inconnu de la liste des communes')
    await submitForm()
    expect(calls.submitRegistration).toHaveBeenCalledWith({
      clientId: draft.clientId,
      form: expect.objectContaining({ contact: expect.objectContaining({ postalCode: '75099' }) }),
    })
    expect(document.querySelector('[data-testid="registration-reference"]')?.textContent).toBe('G-TEST-0001')
  })

  it('puts the core’s field errors on the form and focuses the first', async () => {
    const refusal: Result<never> = {
      ok: false,
      error: {
        code: 'email_on_desk',
        message: 'This e-mail address is already used by registration G-AAAA-BBBB.',
        fields: [
          {
            path: 'email',
            code: 'email_on_desk',
            message: 'email_on_desk',
            params: { reference: 'G-AAAA-BBBB' },
          },
        ],
      },
    }
    await desk({
      loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }),
      listDocuments: passport,
      submitRegistration: () => refusal,
    })
    button('Reprendre')?.click()
    await settle()
    await submitForm()
    expect(described('f-email')).toContain('Cette adresse est déjà utilisée par le dossier G-AAAA-BBBB.')
    expect(document.activeElement?.id).toBe('f-email')
  })

  it('shows a refusal that no field holds (a missing document) in the alert region', async () => {
    await desk({
      loadDraft: () => ({ ok: true, value: { ...draft, form: validForm() } }),
      listDocuments: passport,
      submitRegistration: () => ({
        ok: false,
        error: {
          code: 'documents_missing',
          message: 'A required document is missing.',
          fields: [{ path: 'documents.identity', code: 'document_required', message: 'document_required' }],
        },
      }),
    })
    button('Reprendre')?.click()
    await settle()
    await submitForm()
    const alert = document.querySelector('form [role="alert"]')
    expect(alert?.textContent).toContain('Il manque un document obligatoire')
    expect(alert?.textContent).toContain('Ajoutez la pièce d’identité')
    expect(document.activeElement).toBe(alert)
  })
})
