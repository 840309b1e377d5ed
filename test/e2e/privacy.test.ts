/// <reference lib="dom" />
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { GuichetApi } from '../../src/domain/ipc/contract'
import type { OperatorSummary } from '../../src/domain/people'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { openDesk, type Desk } from './desk'
import { focusedOperator, lockScreen, signInByKeys } from './lock-screen'
import { field, typeEach } from './register-form'

let desk: Desk
let ana: OperatorSummary
let bob: OperatorSummary

/** A staffed desk: an admin PIN, two operators, one student in the queue, nobody signed in. */
beforeEach(async () => {
  desk = await openDesk()
  const { core } = desk.host
  await core.admin.setPin('482915')
  ana = await core.operators.add('Ana Martin', '2468')
  bob = await core.operators.add('Bob Lefèvre', '13579')
  core.admin.lock()
  await queueOne(core, await documentFiles(tempDir()), 'linh.nguyen@example.org')
})
afterEach(() => desk.close())

/** Student data anywhere in the page: its text, attributes, or what is typed in its fields. */
const studentInPage = (page: Page) =>
  page.evaluate(
    () =>
      /Nguyen|Linh|linh\.nguyen/i.test(document.documentElement.outerHTML) ||
      [...document.querySelectorAll('input, textarea')].some((input) =>
        /Nguyen|Linh/i.test((input as HTMLInputElement).value),
      ),
  )

describe('operators and the privacy screen, in Chromium', () => {
  it('starts a shift with a PIN; Ctrl+L covers the desk; switching operator is two keystrokes and a PIN', async () => {
    const { page, host } = desk
    await page.reload()
    await lockScreen(page).waitFor()
    expect(await studentInPage(page)).toBe(false)
    // The operator list has the focus, so a digit picks the operator at once.
    expect(await focusedOperator(page)).toBe(ana.id)

    await page.keyboard.press('1')
    await page.keyboard.type('0000')
    await page.keyboard.press('Enter')
    await lockScreen(page).getByText('Ce n’est pas le code de cet agent.').waitFor()
    await page.getByLabel('Code personnel').fill('2468')
    await page.keyboard.press('Enter')
    await page.getByText('Agent : Ana Martin').waitFor()

    await page.getByRole('button', { name: /^File d’attente/ }).click()
    await page.getByRole('cell', { name: 'linh.nguyen@example.org' }).waitFor()
    expect(await studentInPage(page)).toBe(true)

    await page.keyboard.press('Control+L')
    await lockScreen(page).waitFor()
    expect(await studentInPage(page)).toBe(false)
    // What the page can still ask the core: references, no names.
    const asked = await page.evaluate(() =>
      (window as unknown as { guichet: GuichetApi }).guichet.listQueue({
        state: null,
        after: null,
        limit: 10,
      }),
    )
    expect(asked.ok && asked.value.items.map((i) => [i.name, i.email])).toEqual([[null, null]])

    expect(await focusedOperator(page)).toBe(ana.id)
    await signInByKeys(page, '2', '13579')
    await page.getByText('Agent : Bob Lefèvre').waitFor()
    await page.getByRole('cell', { name: 'linh.nguyen@example.org' }).waitFor()
    expect(host.core.audit.list().map((e) => [e.action, e.subject])).toEqual(
      expect.arrayContaining([
        ['sign_in', ana.id],
        ['lock', null],
        ['sign_out', ana.id],
        ['sign_in', bob.id],
      ]),
    )
  })

  it('draws the PIN field as a field (a box to type in) while the keyboard is still on the names', async () => {
    const { page } = desk
    await page.reload()
    await lockScreen(page).waitFor()
    expect(await focusedOperator(page)).toBe(ana.id)
    const pin = page.getByLabel('Code personnel')
    const box = await pin.evaluate((input) => {
      const style = getComputedStyle(input)
      return { background: style.backgroundColor, line: style.boxShadow, width: input.clientWidth }
    })
    expect(box.background).not.toBe('rgba(0, 0, 0, 0)')
    expect(box.line).not.toBe('none')
    expect(box.width).toBeGreaterThan(150)
  })

  it('after Ctrl+L mid-word and the PIN, the keyboard is back in that field, after what was typed', async () => {
    const { page } = desk
    await page.reload()
    await signInByKeys(page, '1', '2468')
    await page.getByText('Agent : Ana Martin').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-civility')
    await typeEach(page, 'ma', 'Lindqvist')
    await page.keyboard.type('Sofi')
    await page.keyboard.press('Control+L')
    await signInByKeys(page, '1', '2468')
    await lockScreen(page).waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-firstName')
    await page.keyboard.type('a')
    expect(await field(page, 'Prénom').inputValue()).toBe('Sofia')
    expect(await field(page, 'Nom').inputValue()).toBe('Lindqvist')
  })

  it('covers the desk after three idle minutes, keeps the draft, and asks the PIN to come back', async () => {
    const { page } = desk
    await page.clock.install()
    await page.reload()
    await signInByKeys(page, '1', '2468')
    await field(page, 'Nom').fill('Nguyen')
    await field(page, 'Prénom').fill('Linh')

    // Activity restarts the wait: two minutes, a key, two more minutes, and the desk is still open.
    await page.clock.runFor(2 * 60_000)
    await field(page, 'Prénom').press('End')
    await page.clock.runFor(2 * 60_000)
    expect(await lockScreen(page).count()).toBe(0)

    await page.clock.runFor(60_000 + 1_000)
    await lockScreen(page).waitFor()
    expect(await studentInPage(page)).toBe(false)
    await expect.poll(() => desk.host.core.registrations.loadDraft()?.form.firstName).toBe('Linh')

    await signInByKeys(page, '1', '2468')
    expect(await field(page, 'Nom').inputValue()).toBe('Nguyen')
    expect(await field(page, 'Prénom').inputValue()).toBe('Linh')
  })
})
