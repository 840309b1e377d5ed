/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'
import { focusedId, typeEach } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
})

/** What an agent at a fair types in the establishment part, keys only, at a typist's pace. */
async function establishmentByKeys(department: string, letters: string) {
  const { page } = desk
  await expect.poll(() => focusedId(page)).toBe('f-civility')
  await page.locator('#f-establishment-notEnrolledYet').focus()
  await page.keyboard.press('Enter') // on to Établissement à l’étranger, a checkbox to answer
  await page.keyboard.press('Enter')
  expect(await focusedId(page)).toBe('f-establishment-department')
  await page.keyboard.type(department, { delay: 80 })
  await page.keyboard.press('Enter')
  expect(await focusedId(page)).toBe('f-establishment-uai')
  await page.keyboard.type(letters, { delay: 80 })
  await page
    .getByRole('listbox', { name: 'Établissement', exact: true })
    .getByRole('option')
    .first()
    .waitFor()
}

describe('the establishment from the keyboard at a fair', () => {
  it('takes a département whose code repeats a digit (33, Gironde) as typed, and finds its universities', async () => {
    const { page } = desk
    await establishmentByKeys('33', 'Bordeaux')
    expect(await page.locator('#f-establishment-department').inputValue()).toBe('33')
    const first = page
      .getByRole('listbox', { name: 'Établissement', exact: true })
      .getByRole('option')
      .first()
    expect(await first.textContent()).toMatch(/Bordeaux/)
    // Each code typed on coming back to the list (Shift+Tab from Établissement) starts anew.
    for (const code of ['22', '44', '77', '88', '2A', '974']) {
      await page.locator('#f-establishment-uai').focus()
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.type(code, { delay: 80 })
      expect(await page.locator('#f-establishment-department').inputValue()).toBe(code)
    }
  })

  it('after the establishment is picked with Enter, Enter goes on to the mobile phone', async () => {
    const { page } = desk
    await establishmentByKeys('75', 'Sorbonne')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.locator('#f-establishment-uai').inputValue())
      .toBe('Sorbonne Université (Sorbonne U) — Paris 6e')
    await page.keyboard.press('Enter')
    // Past the optional landline, to the first field still to fill.
    expect(await focusedId(page)).toBe('f-contact-mobile')
  })
})

describe('the address from the keyboard at a fair', () => {
  it('Enter right after a postal code waits for its city, then goes on past it', async () => {
    const { page, host } = desk
    // The desk is slow today (a loaded CPU): the communes answer only when the test says so.
    const index = host.core.reference.postalCodes
    const communes = index.communes.bind(index)
    let answer: () => void = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    Object.assign(index, {
      communes: async (code: string) => {
        await answered
        return communes(code)
      },
    })
    await page.locator('#f-contact-mobile').focus()
    await typeEach(page, '0612345678', '12 rue des Écoles', '75005')
    answer()
    // The city and country came from the code: Enter goes on to the passport, the next thing to fill.
    await expect.poll(() => page.locator('#f-contact-city').inputValue()).toBe('PARIS 05')
    await expect.poll(() => focusedId(page)).toBe('choose-identity')
  })
})
