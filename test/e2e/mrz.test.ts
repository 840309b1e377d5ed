/// <reference lib="dom" />
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { passportScan } from '../fixtures/mrz/scan'
import { SPECIMEN } from '../fixtures/mrz/specimen'
import { openDesk, type Desk } from './desk'
import { chooseFile } from './register-form'

let desk: Desk
let files: string

beforeEach(async () => {
  files = mkdtempSync(join(tmpdir(), 'guichet-e2e-mrz-'))
  // The ICAO specimen, expired since 2012: the offer must flag it.
  writeFileSync(join(files, 'passeport.jpg'), await passportScan(SPECIMEN, { dpi: 300, skew: 2 }))
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
  rmSync(files, { recursive: true, force: true })
})

describe('passport MRZ, end to end', { timeout: 180_000 }, () => {
  it('reads the passport scan taken in through the dialog and fills the empty form on the agent’s word', async () => {
    const { page } = desk
    // "Choisir un fichier…" opens the browser's own chooser in the web host.
    await chooseFile(page, 'identity', join(files, 'passeport.jpg'))
    const offer = page.getByRole('region', { name: 'Lecture du passeport' })
    await offer.getByRole('button', { name: 'Appliquer les choix' }).waitFor({ timeout: 150_000 })
    await expect
      .poll(() => offer.getByRole('alert').textContent())
      .toContain('Passeport expiré depuis le 15 avril 2012')
    await page.screenshot({ path: join(files, '..', 'guichet-mrz-offer.png'), fullPage: true })
    // The agent waited on the passport: the keyboard is on "Appliquer les choix", and Enter applies.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Appliquer les choix')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByLabel('Nom', { exact: true }).inputValue()).toBe('ERIKSSON')
    expect(await page.getByLabel('Prénom', { exact: true }).inputValue()).toBe('ANNA')
    expect(await page.getByLabel('Deuxième prénom').inputValue()).toBe('MARIA')
    expect(await page.getByRole('combobox', { name: 'Civilité' }).inputValue()).toBe('MME')
    // Filled, the keyboard goes on to the first field the passport could not fill.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-email')
  })
})
