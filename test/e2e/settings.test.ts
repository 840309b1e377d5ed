/// <reference lib="dom" />
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channels, pageHelpers } from '../../src/domain/ipc/channels'
import { openDesk, type Desk } from './desk'

let desk: Desk
beforeEach(async () => {
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
})

describe('desk settings through IPC, end to end', () => {
  it('saves the desk id through the core into SQLite', async () => {
    const { page } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    await page.getByLabel('Identifiant du poste').fill('paris-salon-3')
    await page.getByLabel('Nom de l’événement').fill('Salon Étudiant Paris 2026')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await page.getByRole('status').getByText('Réglages enregistrés.').waitFor()

    const db = new Database(join(desk.dataDir, 'guichet.sqlite'), { readonly: true })
    const row = db.prepare("SELECT value FROM settings WHERE key = 'desk'").pluck().get() as string
    db.close()
    expect(JSON.parse(row)).toMatchObject({ deskId: 'paris-salon-3', eventName: 'Salon Étudiant Paris 2026' })
    expect(desk.problems).toEqual([])
  })

  it('shows the error the core sends back for a bad desk id', async () => {
    const { page } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    await page.getByLabel('Identifiant du poste').fill('paris salon!')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Lettres, chiffres et tirets')
  })

  it('switches the whole UI to English and back', async () => {
    const { page } = desk
    await page.getByRole('button', { name: /English/ }).click()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByLabel('Desk id').waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('button', { name: /Français/ }).click()
    await page.getByLabel('Identifiant du poste').waitFor()
  })

  it('runs under the CSP with no Node in the page and only the contract on window.guichet', async () => {
    const { page } = desk
    await page.getByRole('button', { name: 'Réglages' }).click()
    await page.getByTestId('app-version').waitFor()
    const seen = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.head.append(script)
      const scope = globalThis as { require?: unknown; process?: unknown; __inlineRan?: boolean }
      return {
        api: Object.keys((window as unknown as { guichet: object }).guichet).sort(),
        node: [typeof scope.require, typeof scope.process],
        inlineScriptRan: scope.__inlineRan === true,
      }
    })
    expect(seen).toEqual({
      api: [...channels, ...pageHelpers].sort(),
      node: ['undefined', 'undefined'],
      inlineScriptRan: false,
    })
    await expect.poll(() => desk.problems.join('\n')).toMatch(/Content Security Policy/)
  })
})
