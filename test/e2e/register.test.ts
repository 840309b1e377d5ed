/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'
import {
  attachScan,
  describedText,
  field,
  fillWholeForm,
  focusedId,
  pickEstablishment,
  savedDraft,
} from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
})

const REQUIRED = 'Ce champ est obligatoire : remplissez-le.'
const submit = (page: Page) => page.getByRole('button', { name: 'Envoyer' }).click()

describe('the registration form, end to end', () => {
  it('fills the whole form by its labels, submits, and the core holds the record', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)

    const reference = page.getByTestId('registration-reference')
    await reference.waitFor()
    expect(await reference.textContent()).toMatch(/^G-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(desk.host.core.registrations.read(clientId).student).toMatchObject({
      civility: 'MME',
      lastName: 'Nguyễn',
      firstName: 'Thị Lan',
      secondFirstName: 'Mai',
      thirdFirstName: 'Anh',
      birthDate: '1999-08-12',
      email: 'lan.nguyen@example.com',
      ine: '1234567890V',
      noIne: false,
      familySituation: 'CELIBATAIRE',
      nationality: 'VN',
      establishment: { notEnrolledYet: false, abroad: false, department: '75', uai: '0755976N', name: null },
      contact: {
        landline: '+33144274427',
        mobile: '+33612345678',
        address: '12 rue des Écoles',
        postalCode: '75005',
        city: 'PARIS 05',
        country: 'FR',
      },
      emergencyContacts: [
        { civility: 'M', lastName: 'Nguyễn', firstName: 'Văn Minh', mobile: '+84912345678', country: 'VN' },
      ],
    })
    const state = desk.host.core.db.prepare('SELECT state FROM registrations WHERE client_id = ?').pluck()
    expect(state.get(clientId)).toBe('queued')
    expect(desk.host.core.registrations.loadDraft()).toBeNull()

    // "Nouveau dossier": an empty form, and nothing of the student left in the page.
    await page.getByRole('main').getByRole('button', { name: 'Nouveau dossier' }).click()
    expect(await field(page, 'Nom').inputValue()).toBe('')
    expect(await page.content()).not.toMatch(/Nguyễn|lan\.nguyen|0612345678|Paris Cité/)
    expect(desk.problems).toEqual([])
  })

  it('shows "required" under each required field left empty and focuses it on submit', async () => {
    const { page } = desk
    await fillWholeForm(page)
    // The emergency contact repeats some labels: the student's fields are found in their own part.
    const identity = page.getByRole('group', { name: 'Identité' })
    const contact = page.getByRole('group', { name: 'Coordonnées' })
    const text = (label: string, scope: Page | Locator = page) => ({
      locator: field(scope, label),
      clear: 'text' as const,
    })
    const choice = (label: string, scope: Page | Locator = page) => ({
      locator: field(scope, label),
      clear: 'select' as const,
    })
    const cases: Record<string, { locator: Locator; clear: 'text' | 'select' | 'combobox' }> = {
      Civilité: choice('Civilité', identity),
      Nom: text('Nom', identity),
      Prénom: text('Prénom', identity),
      'Date de naissance': text('Date de naissance'),
      'Adresse courriel': text('Adresse courriel', identity),
      'Adresse courriel (vérification)': text('Adresse courriel (vérification)'),
      'Numéro INE': text('Numéro INE'),
      'Situation familiale': choice('Situation familiale'),
      Nationalité: choice('Nationalité'),
      Département: choice('Département'),
      Établissement: { locator: page.getByRole('combobox', { name: 'Établissement' }), clear: 'combobox' },
      'Téléphone portable': text('Téléphone portable', contact),
      Adresse: text('Adresse', contact),
      'Code postal': text('Code postal', contact),
      Ville: text('Ville', contact),
      Pays: choice('Pays', contact),
    }
    const unmet: string[] = []
    for (const [label, { locator, clear }] of Object.entries(cases)) {
      const before = await locator.inputValue()
      if (clear === 'select') await locator.selectOption('')
      else await locator.fill('')
      await submit(page)
      await expect.poll(() => locator.getAttribute('aria-invalid')).toBe('true')
      if (!(await describedText(locator)).includes(REQUIRED)) unmet.push(`${label}: no message`)
      if ((await focusedId(page)) !== (await locator.getAttribute('id'))) unmet.push(`${label}: not focused`)
      if (clear === 'select') await locator.selectOption(before)
      else if (clear === 'combobox') await pickEstablishment(page, 'Paris Cité', /^Université Paris Cité/)
      else await locator.fill(before)
      await expect.poll(() => locator.getAttribute('aria-invalid')).toBeNull()
    }
    expect(unmet).toEqual([])
  })

  it('is filled from the keyboard: type-ahead in lists, Enter never submits', async () => {
    const { page } = desk
    await field(page, 'Nom').fill('Okonkwo')
    await field(page, 'Nom').press('Enter')
    expect(await field(page, 'Civilité').getAttribute('aria-invalid')).toBeNull()

    await field(page, 'Nationalité').focus()
    await page.keyboard.type('Japon', { delay: 20 })
    await page.keyboard.press('Enter')
    await expect.poll(() => field(page, 'Nationalité').inputValue()).toBe('JP')

    const combobox = page.getByRole('combobox', { name: 'Établissement' })
    await combobox.focus()
    await page.keyboard.type('Sorbonne Université', { delay: 20 })
    await page.keyboard.press('Enter')
    await expect.poll(() => combobox.inputValue()).toBe('Sorbonne Université (Sorbonne U) — Paris 6e')
    expect(await field(page, 'Département').inputValue()).toBe('75')
    expect(await page.getByTestId('registration-reference').count()).toBe(0)
  })

  it('keeps the establishment the arrows highlight in sight, never under the Envoyer bar', async () => {
    const { page } = desk
    await field(page, 'Département').selectOption({ value: '75' })
    // Tab brings the combobox just into view, as low as the Envoyer bar allows: the list opens below.
    await field(page, 'Département').press('Tab')
    await page.keyboard.type('univ', { delay: 20 })
    const list = page.getByRole('listbox', { name: 'Établissement', exact: true })
    await list.getByRole('option').nth(5).waitFor()
    const count = await list.getByRole('option').count()
    for (let step = 0; step < count; step++) {
      await page.keyboard.press('ArrowDown')
      // What is drawn at the middle of the highlighted option is that option, not the bar or the page.
      const seen = await page.evaluate(() => {
        const active = document.activeElement?.getAttribute('aria-activedescendant')
        const option = active ? document.getElementById(active) : null
        if (!option) return 'no highlighted option'
        const box = option.getBoundingClientRect()
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        return option.contains(top) ? 'visible' : `hidden under ${top?.tagName} ${top?.className}`
      })
      expect(seen, `option ${step + 1} of ${count}`).toBe('visible')
    }
  })

  it('switches the form to English, messages and country names included, and back', async () => {
    const { page } = desk
    await submit(page)
    const surname = field(page, 'Nom')
    await expect.poll(() => describedText(surname)).toContain(REQUIRED)
    await page.getByRole('button', { name: /English/ }).click()

    const inEnglish = field(page, 'Surname')
    await expect.poll(() => describedText(inEnglish)).toContain('This field is required')
    for (const label of [
      'Title',
      'Date of birth',
      'Email address (confirmation)',
      'INE number',
      'Mobile phone',
    ])
      await field(page, label).waitFor()
    await page.getByRole('checkbox', { name: 'I have no INE' }).waitFor()
    await page.getByRole('button', { name: 'Add an emergency contact' }).waitFor()
    const nationality = field(page, 'Nationality')
    await nationality.selectOption({ label: 'Germany' })
    expect(await nationality.inputValue()).toBe('DE')
    expect(await page.getByRole('button', { name: 'Submit' }).count()).toBe(1)

    await page.getByRole('button', { name: /Français/ }).click()
    await expect.poll(() => describedText(surname)).toContain(REQUIRED)
    expect(await field(page, 'Nationalité').locator('option:checked').textContent()).toBe('Allemagne')
  })

  it('without an INE: the field is emptied and locked, and the proof of enrollment is asked for', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const ine = field(page, 'Numéro INE')
    // A DSFR checkbox is drawn by its label, which is what a person clicks.
    await page.getByText('Je n’ai pas d’INE', { exact: true }).click()
    expect(await page.getByRole('checkbox', { name: 'Je n’ai pas d’INE' }).isChecked()).toBe(true)
    expect(await ine.inputValue()).toBe('')
    expect(await ine.isDisabled()).toBe(true)

    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)
    // In the same pass as the fields: the summary at the top, and the slot itself, with the focus there.
    const summary = page.getByRole('alert').filter({ hasText: 'erreur à corriger' })
    await expect.poll(() => summary.textContent()).toContain('justificatif d’inscription')
    const slot = page.getByRole('group', { name: 'Pièce justificative étudiante' })
    expect(await slot.getByRole('alert').textContent()).toContain('justificatif d’inscription')
    expect(await focusedId(page)).toBe('choose-enrollment')

    await attachScan(desk, 'enrollment')
    await submit(page)
    await page.getByTestId('registration-reference').waitFor()
    expect(desk.host.core.registrations.read(clientId).student).toMatchObject({ noIne: true, ine: null })
  })

  it('offers the draft back after a reload, with what was typed', async () => {
    const { page } = desk
    await field(page, 'Nom').fill('Okonkwo')
    await field(page, 'Prénom').fill('Chidinma')
    await field(page, 'Nationalité').selectOption({ value: 'NG' })
    await field(page, 'Date de naissance').fill('03/02/2001')
    const { clientId } = await savedDraft(desk)
    await expect.poll(() => desk.host.core.registrations.loadDraft()?.form.birthDate).toBe('03/02/2001')

    await page.reload()
    await page.getByRole('heading', { name: 'Reprendre le dossier de Chidinma OKONKWO ?' }).waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Reprendre')
    await page.getByRole('button', { name: 'Reprendre' }).click()
    expect(await field(page, 'Nom').inputValue()).toBe('Okonkwo')
    expect(await field(page, 'Prénom').inputValue()).toBe('Chidinma')
    expect(await field(page, 'Nationalité').inputValue()).toBe('NG')
    expect(await field(page, 'Date de naissance').inputValue()).toBe('03/02/2001')

    // Still the same registration: what is typed next goes into the same draft.
    await field(page, 'Troisième prénom').fill('Ada')
    await field(page, 'Troisième prénom').blur()
    await expect.poll(() => desk.host.core.registrations.loadDraft()?.form.thirdFirstName).toBe('Ada')
    expect(desk.host.core.registrations.loadDraft()?.clientId).toBe(clientId)

    await page.reload()
    // The offer names the student; "Abandonner" asks first, and "garder" is where the keyboard lands.
    await page.getByRole('heading', { name: 'Reprendre le dossier de Chidinma OKONKWO ?' }).waitFor()
    await page.getByRole('button', { name: 'Abandonner' }).click()
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Non, garder le dossier',
    )
    expect(desk.host.core.registrations.loadDraft()).not.toBeNull()
    await page.getByRole('button', { name: 'Oui, abandonner' }).click()
    expect(await field(page, 'Nom').inputValue()).toBe('')
    expect(desk.host.core.registrations.loadDraft()).toBeNull()
  })

  it('refuses an e-mail already on the desk and says which record holds it', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const first = await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)
    const reference = await page.getByTestId('registration-reference').textContent()

    await page.getByRole('main').getByRole('button', { name: 'Nouveau dossier' }).click()
    await fillWholeForm(page)
    await expect.poll(() => desk.host.core.registrations.loadDraft()?.clientId).not.toBe(first.clientId)
    await savedDraft(desk)
    await attachScan(desk, 'identity')
    await submit(page)
    const email = field(page.getByRole('group', { name: 'Identité' }), 'Adresse courriel')
    await expect
      .poll(() => describedText(email))
      .toContain(`Cette adresse est déjà utilisée par le dossier ${reference}.`)
    expect(await focusedId(page)).toBe('f-email')
  })

  it('refuses an establishment kept after its département was changed, on the establishment', async () => {
    const { page } = desk
    await fillWholeForm(page)
    const { clientId } = await savedDraft(desk)
    await attachScan(desk, 'identity')
    // Université Paris Cité (75) picked, then the département set to Rhône: 69 and a Paris UAI.
    await field(page, 'Département').selectOption({ value: '69' })
    await submit(page)
    const establishment = page.getByRole('combobox', { name: 'Établissement', exact: true })
    await expect
      .poll(() => describedText(establishment))
      .toContain('Cet établissement n’est pas dans le département choisi')
    const state = desk.host.core.db.prepare('SELECT state FROM registrations WHERE client_id = ?').pluck()
    expect(state.get(clientId)).toBe('draft')
  })
})
