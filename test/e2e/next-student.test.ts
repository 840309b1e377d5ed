/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'
import { lockScreen, signInByKeys } from './lock-screen'
import { attachScan, field, fillWholeForm } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(() => desk.close())

/** The student fillWholeForm registers, anywhere in the page: its text, attributes, or typed in a field. */
const previousStudentInPage = (page: Page) =>
  page.evaluate(
    () =>
      /Nguy|Thị Lan|lan\.nguyen/i.test(document.documentElement.outerHTML) ||
      [...document.querySelectorAll('input, textarea, select')].some((input) =>
        /Nguy|Lan|@/i.test((input as HTMLInputElement).value),
      ),
  )

async function register(page: Page): Promise<string> {
  await fillWholeForm(page)
  await attachScan(desk, 'identity')
  await page.getByRole('button', { name: 'Envoyer' }).click()
  await page.getByTestId('registration-reference').waitFor()
  expect(await page.getByTestId('registered').textContent()).toContain('lan.nguyen@example.com')
  return (await page.getByTestId('registration-reference').textContent())?.trim() ?? ''
}

/** An empty form with the keyboard on Civilité, and nothing of the student registered before. */
async function expectBlankForm(page: Page, civility = 'Civilité') {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
  expect(await field(page, civility).inputValue()).toBe('')
  expect(await page.getByTestId('registration-reference').count()).toBe(0)
  expect(await previousStudentInPage(page)).toBe(false)
}

const header = (page: Page) => page.getByRole('navigation')

describe('the next student at the desk never sees the previous one', () => {
  it('"Nouveau dossier" in the header opens an empty form at once, and the confirmation never comes back', async () => {
    const { page } = desk
    await register(page)
    await header(page).getByRole('button', { name: 'Nouveau dossier' }).click()
    await expectBlankForm(page)

    // Nor by going through another screen and back.
    await header(page)
      .getByRole('button', { name: /^File d’attente/ })
      .click()
    await page.getByRole('heading', { name: 'File d’attente', level: 1 }).waitFor()
    await header(page).getByRole('button', { name: 'Nouveau dossier' }).click()
    await expectBlankForm(page)
    expect(desk.problems).toEqual([])
  })

  it('leaving the confirmation for another screen ends it: coming back shows an empty form', async () => {
    const { page } = desk
    await register(page)
    await header(page).getByRole('button', { name: 'Réglages' }).click()
    await page.getByRole('heading', { name: 'Réglages du poste', level: 1 }).waitFor()
    expect(await previousStudentInPage(page)).toBe(false)
    await header(page).getByRole('button', { name: 'Nouveau dossier' }).click()
    await expectBlankForm(page)
  })

  it('the privacy screen ends the confirmation; the language chosen on it is the next form’s', async () => {
    const { page, host } = desk
    await host.core.operators.add('Ana Martin', '2468')
    await page.reload()
    await signInByKeys(page, '1', '2468')
    await page.getByText('Agent : Ana Martin').waitFor()

    await register(page)
    // The student may read the confirmation in English: it stays theirs until the screen is covered.
    await page.getByRole('button', { name: 'Langue : English' }).click()
    await page.getByRole('heading', { name: 'Registration saved' }).waitFor()
    expect(await page.getByTestId('registered').textContent()).toContain('lan.nguyen@example.com')

    await page.keyboard.press('Control+L')
    const covered = page.getByRole('dialog', { name: 'Desk locked' })
    await covered.waitFor()
    expect(await previousStudentInPage(page)).toBe(false)
    await covered.getByRole('button', { name: 'Language: Français' }).click()
    await lockScreen(page).waitFor()
    await page.getByRole('button', { name: /Ana Martin/ }).focus()
    await page.keyboard.press('1')
    await page.keyboard.type('2468')
    await page.keyboard.press('Enter')
    await page.getByText('Agent : Ana Martin').waitFor()
    await expectBlankForm(page)
  })
})
