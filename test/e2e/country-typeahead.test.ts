/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(() => desk.close())

describe('countries by type-ahead, in Chromium', () => {
  it('lands on Tchéquie, Tanzanie, Taïwan and Moldavie as their common names are typed, in French and English', async () => {
    const { page } = desk
    // By id: its label changes with the language.
    const nationality = page.locator('#f-nationality')
    const typeOn = async (word: string) => {
      await nationality.focus()
      await page.keyboard.type(word)
      const value = await nationality.inputValue()
      // Leaving and coming back starts a new word.
      await page.keyboard.press('Tab')
      return value
    }
    const french = []
    // Playwright types é without a keydown (no key on its US keyboard; an AZERTY one has it): unaccented.
    for (const word of ['Tchequie', 'Tanzanie', 'Taiwan', 'Moldavie', 'Etats-Unis'])
      french.push(await typeOn(word))
    expect(french).toEqual(['CZ', 'TZ', 'TW', 'MD', 'US'])

    await page.getByRole('button', { name: 'Langue : English' }).click()
    const english = []
    for (const word of ['Czechia', 'Tanzania', 'Taiwan', 'Moldova', 'North Macedonia'])
      english.push(await typeOn(word))
    expect(english).toEqual(['CZ', 'TZ', 'TW', 'MD', 'MK'])
  })
})
