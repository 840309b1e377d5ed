/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'Poste verrouillé' })

/** The operator the lock screen's keyboard is on, if any. */
export const focusedOperator = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['operatorId'])

/**
 * Signs in as an agent would: the operator's digit, the PIN, Enter. Keys pressed before the screen has
 * put the keyboard on its list would land on the page behind it (a loaded CPU shows it), so the
 * digit waits for that, as the agent waits to see the list.
 */
export async function signInByKeys(page: Page, key: string, pin: string): Promise<void> {
  await lockScreen(page).waitFor()
  await expect.poll(() => focusedOperator(page)).toBeTruthy()
  await page.keyboard.press(key)
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
}
