/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDesk, type Desk } from './desk'
import { savedDraft } from './register-form'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(() => desk.close())

/**
 * Types `word` on the closed Civilité list as an agent does (keyboard on it, the letters), then leaves
 * it with Tab and comes back with Shift+Tab, so the next word starts afresh. Answers the option shown.
 */
async function typeOnTitle(page: Page, word: string): Promise<{ value: string; shown: string }> {
  const select = page.locator('#f-civility')
  await page.keyboard.type(word)
  const picked = await select.evaluate((element: HTMLSelectElement) => ({
    value: element.value,
    shown: element.selectedOptions[0]?.textContent?.trim() ?? '',
  }))
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
  return picked
}

/** Each word in turn, as typed, and the option it must leave shown: all of them, then a table. */
async function typeEach(page: Page, words: [string, string][], options: Record<string, string>) {
  const picked = []
  for (const [word] of words) picked.push(await typeOnTitle(page, word))
  expect(picked).toEqual(words.map(([, shown]) => ({ value: options[shown], shown })))
}

describe('Civilité by type-ahead, in Chromium', () => {
  it('in English, "Mrs", "Miss" and "Ms" pick Ms (Mrs, Miss), "Mr" picks Mr; the value kept is MME or M', async () => {
    const { page } = desk
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
    await page.getByRole('button', { name: 'Langue : English' }).click()
    await page.locator('#f-civility').focus()
    const ms = 'Ms (Mrs, Miss)'
    const words: [string, string][] = [
      ['Mrs', ms],
      ['Mr', 'Mr'],
      ['Miss', ms],
      ['Mr.', 'Mr'],
      ['Ms', ms],
      ['MR', 'Mr'],
      ['mrs.', ms],
    ]
    await typeEach(page, words, { [ms]: 'MME', Mr: 'M' })
    // Said in full, so a screen reader reads what it stands for.
    expect(await page.getByLabel('Title').locator('option').allTextContents()).toEqual([
      '— Choose —',
      ms,
      'Mr',
    ])
    // What the form keeps (and sends) is the contract's code, whatever was typed.
    await expect.poll(async () => (await savedDraft(desk)).form.civility).toBe('MME')
  })

  it('in French, "Mme" and "Mlle" pick Madame, "M." and "Mo" pick Monsieur', async () => {
    const { page } = desk
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
    const words: [string, string][] = [
      ['M.', 'Monsieur'],
      ['Mme', 'Madame'],
      ['Mo', 'Monsieur'],
      ['Mlle', 'Madame'],
      ['Monsieur', 'Monsieur'],
      ['Madame', 'Madame'],
    ]
    await typeEach(page, words, { Madame: 'MME', Monsieur: 'M' })
    await expect.poll(async () => (await savedDraft(desk)).form.civility).toBe('MME')
  })
})
