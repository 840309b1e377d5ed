import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { useForm } from 'vee-validate'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, type Ref } from 'vue'
import MrzOffer from '../../src/components/mrz/MrzOffer.vue'
import type { PassportScan } from '../../src/domain/mrz/passport-scan'
import { parseTd3 } from '../../src/domain/mrz/parse'
import type { DocumentSummary } from '../../src/domain/queue/documents'
import type { Result } from '../../src/domain/result'
import { i18n } from '../../src/i18n'
import { useDocumentsStore } from '../../src/stores/documents'

const clientId = '3f0e1d2c-4b5a-4697-8876-a5b4c3d2e1f0'
const today = new Date('2026-12-01T09:00:00Z')
// A German passport's MRZ (D, an empty personal number), as test/fixtures/mrz/compose.ts writes it.
const lines = [
  'P<D<<MUELLER<<JOSE<MARIA<<<<<<<<<<<<<<<<<<<<',
  'C01X00T478D<<0102030F3105065<<<<<<<<<<<<<<<0',
] as const
const reading = parseTd3(...lines, today)!
const scanOf = (over: Partial<PassportScan> = {}): PassportScan => ({
  found: true,
  valid: true,
  fields: reading.fields,
  truncatedName: false,
  validity: 'valid',
  ...over,
})

let answer: PassportScan
const asked: unknown[] = []

beforeEach(() => {
  setActivePinia(createPinia())
  asked.length = 0
  answer = scanOf()
  const ok = async <T>(value: T): Promise<Result<T>> => ({ ok: true, value })
  Object.defineProperty(window, 'guichet', {
    configurable: true,
    value: {
      readPassportMrz: (request: unknown) => {
        asked.push(request)
        return ok(answer)
      },
    },
  })
  ;(i18n.global.locale as unknown as Ref<string>).value = 'fr'
})

/** A required field of the form, showing its value as the form's own fields do. */
const required = (id: string, value: unknown) =>
  h('input', { id, 'aria-required': 'true', value: typeof value === 'string' ? value : '' })

/**
 * The offer inside a form holding `initial`, as RegistrationForm holds it: before it, the required
 * fields it can fill, the e-mail it cannot, and the passport slot's button; `focused` has the
 * keyboard when the scan is read.
 */
async function render(initial: Record<string, string>, focused?: string, withPassport = true) {
  let values: Record<string, unknown> = {}
  const Host = defineComponent({
    setup() {
      const form = useForm({ initialValues: initial })
      values = form.values
      return () =>
        h('form', [
          required('f-civility', form.values['civility']),
          required('f-lastName', form.values['lastName']),
          required('f-firstName', form.values['firstName']),
          required('f-birthDate', form.values['birthDate']),
          required('f-email', form.values['email']),
          h('section', { 'data-slot': 'identity' }, [
            h('button', { id: 'choose-identity', type: 'button' }, '…'),
          ]),
          h(MrzOffer, { clientId }),
        ])
    },
  })
  const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body })
  if (focused) document.getElementById(focused)?.focus()
  const passport: DocumentSummary = {
    id: '7d0e1d2c-4b5a-4697-8876-a5b4c3d2e1f0',
    kind: 'identity',
    fileName: 'passeport.jpg',
    mediaType: 'image/jpeg',
    size: 1_312_345,
    sha256: '0'.repeat(64),
    checked: false,
  }
  useDocumentsStore().documents = withPassport ? [passport] : []
  await flushPromises()
  return { wrapper, values: () => values }
}

const row = (wrapper: ReturnType<typeof mount>, field: string) => wrapper.find(`tr[data-field="${field}"]`)
const click = async (wrapper: ReturnType<typeof mount>, text: string) => {
  await wrapper
    .findAll('button')
    .find((b) => b.text() === text)!
    .trigger('click')
}

describe('the passport offer', () => {
  it('is gone with its passport: the next student’s form offers nothing from the previous scan', async () => {
    const first = await render({ lastName: '', firstName: '', birthDate: '' })
    expect(first.wrapper.text()).toContain('MUELLER')
    first.wrapper.unmount()
    // "Nouveau dossier": a new form, no passport attached yet (the stores live on, as in the app).
    const next = await render({ lastName: '', firstName: '', birthDate: '' }, undefined, false)
    expect(next.wrapper.find('.mrz-offer').exists()).toBe(false)
    expect(next.wrapper.text()).not.toContain('MUELLER')
  })

  it('fills an empty form from the passport scan, the civility from the sex, to be checked', async () => {
    const { wrapper, values } = await render({ lastName: '', firstName: '', birthDate: '' })
    expect(asked).toEqual([{ clientId, id: '7d0e1d2c-4b5a-4697-8876-a5b4c3d2e1f0' }])
    expect(wrapper.text()).toContain('Allemagne')
    expect(row(wrapper, 'civility').text()).toContain('vérifiez-la avec l’étudiant')
    expect(row(wrapper, 'civility').find('input[data-choice="passport"]').element).toHaveProperty(
      'checked',
      true,
    )
    await click(wrapper, 'Appliquer les choix')
    expect(values()).toMatchObject({
      lastName: 'MUELLER',
      firstName: 'JOSE',
      secondFirstName: 'MARIA',
      birthDate: '03/02/2001',
      nationality: 'DE',
    })
    expect(values().civility).toBe('MME')
    expect(wrapper.text()).toContain(
      'Remplis depuis le passeport : Civilité, Nom, Prénom, 2e prénom, Date de naissance, Nationalité.',
    )
    wrapper.unmount()
  })

  it('shows what the agent typed beside the passport, keeps the typed value unless the agent takes the other', async () => {
    const { wrapper, values } = await render({
      lastName: 'Müller',
      firstName: 'Josée',
      birthDate: '02/03/2001',
      nationality: 'DE',
    })
    // Müller is MUELLER in the MRZ: no offer for it; the accented name stays as typed.
    expect(row(wrapper, 'lastName').exists()).toBe(false)
    expect(row(wrapper, 'nationality').exists()).toBe(false)
    expect(row(wrapper, 'firstName').text()).toContain('Garder « Josée »')
    expect(row(wrapper, 'firstName').text()).toContain('Prendre « JOSE »')
    expect(row(wrapper, 'birthDate').text()).toContain('02/03/2001')
    expect(row(wrapper, 'birthDate').text()).toContain('03/02/2001')
    await row(wrapper, 'birthDate').find('input[data-choice="passport"]').setValue(true)
    await click(wrapper, 'Appliquer les choix')
    expect(values()).toMatchObject({ lastName: 'Müller', firstName: 'Josée', birthDate: '03/02/2001' })
    wrapper.unmount()
  })

  it('puts the keyboard on "Appliquer les choix" when the agent waits on the passport, says so politely, then on the first field left', async () => {
    const { wrapper } = await render({ lastName: '', firstName: '', birthDate: '' }, 'choose-identity')
    const apply = wrapper.findAll('button').find((b) => b.text() === 'Appliquer les choix')!
    expect(document.activeElement).toBe(apply.element)
    expect(wrapper.get('[aria-live="polite"]').text()).toBe(
      'Passeport lu\u00a0: 6 valeurs proposées, Entrée sur «\u00a0Appliquer les choix\u00a0» les reporte dans le formulaire.',
    )
    await apply.trigger('click')
    await flushPromises()
    // Civilité, Nom, Prénom and the date are filled: the e-mail is the first field still empty.
    expect(document.activeElement?.id).toBe('f-email')
    expect(wrapper.get('[aria-live="polite"]').text()).toBe(
      'Remplis depuis le passeport\u00a0: Civilité, Nom, Prénom, 2e prénom, Date de naissance, Nationalité. Vérifiez-les dans le formulaire, ils restent modifiables.',
    )
    wrapper.unmount()
  })

  it('leaves the keyboard where the agent types, and after applying goes to a required field the passport left empty', async () => {
    answer = scanOf({ fields: { ...reading.fields, sex: 'X' } })
    const { wrapper } = await render({ lastName: '', firstName: '', birthDate: '' }, 'f-email')
    expect(document.activeElement?.id).toBe('f-email')
    expect(wrapper.get('[aria-live="polite"]').text()).toContain('5 valeurs proposées')
    expect(row(wrapper, 'civility').exists()).toBe(false)
    await click(wrapper, 'Appliquer les choix')
    await flushPromises()
    // Sex X says nothing of the civility: it is the first required field left.
    expect(document.activeElement?.id).toBe('f-civility')
    wrapper.unmount()
  })

  it('flags an expired passport, and one expiring within three months', async () => {
    answer = scanOf({ validity: 'expired' })
    const expired = await render({})
    expect(expired.wrapper.get('[data-test="mrz-expiry"]').text()).toBe(
      'Passeport expiré depuis le 6 mai 2031 : demandez un passeport en cours de validité.',
    )
    expired.wrapper.unmount()
    setActivePinia(createPinia())
    answer = scanOf({ validity: 'expires_soon' })
    const soon = await render({})
    expect(soon.wrapper.get('[data-test="mrz-expiry"]').text()).toContain('dans moins de 3 mois')
    soon.wrapper.unmount()
  })

  it('offers nothing when the MRZ is missing or its check digits fail', async () => {
    answer = { found: false, valid: false, fields: null, truncatedName: false, validity: null }
    const none = await render({})
    expect(none.wrapper.text()).toContain('Aucune bande MRZ de passeport trouvée')
    expect(none.wrapper.find('table').exists()).toBe(false)
    none.wrapper.unmount()
    setActivePinia(createPinia())
    answer = scanOf({ valid: false })
    const invalid = await render({})
    expect(invalid.wrapper.text()).toContain('n’a pas pu être lue avec certitude')
    expect(invalid.wrapper.find('table').exists()).toBe(false)
    invalid.wrapper.unmount()
  })
})
