/// <reference lib="dom" />
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as corpus from '../fixtures/documents/corpus'
import * as bombs from '../fixtures/documents/pdf-bombs'
import { openDesk, useScannerFolder, type Desk } from './desk'
import { savedDraft } from './register-form'

let desk: Desk
let files: string

beforeEach(async () => {
  files = mkdtempSync(join(tmpdir(), 'guichet-e2e-files-'))
  writeFileSync(join(files, 'passport.jpg'), await corpus.sidewaysPhotoWithGps())
  writeFileSync(join(files, 'certificat.pdf'), await corpus.pdf(2))
  writeFileSync(join(files, 'visa.png'), await corpus.png())
  writeFileSync(join(files, 'fake.pdf'), randomBytes(4096))
  desk = await openDesk()
})
afterEach(async () => {
  await desk.close()
  rmSync(files, { recursive: true, force: true })
})

const identity = () => desk.page.getByRole('group', { name: 'Pièce justificative d’identité' })
const enrollment = () => desk.page.getByRole('group', { name: 'Pièce justificative étudiante' })

/** "Choisir un fichier…" opens the browser's own chooser (dev:web has no system dialog); picks `name`. */
async function choose(slot: Locator, name: string) {
  const chooser = desk.page.waitForEvent('filechooser')
  await slot.getByRole('button', { name: 'Choisir un fichier…' }).click()
  await (await chooser).setFiles(join(files, name))
}

/** Drops a file from the desktop on the slot: a DataTransfer holding the file's real bytes. */
async function drop(slot: Locator, name: string, type: string) {
  const base64 = readFileSync(join(files, name)).toString('base64')
  const dataTransfer = await desk.page.evaluateHandle(
    ({ bytes, fileName, mediaType }) => {
      const data = new DataTransfer()
      const content = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))
      data.items.add(new File([content], fileName, { type: mediaType }))
      return data
    },
    { bytes: base64, fileName: name, mediaType: type },
  )
  await slot.dispatchEvent('drop', { dataTransfer })
}

/** What is left in the web host's private upload folder (each upload is deleted once taken in). */
const uploadsLeft = () => readdirSync(desk.host.uploadDir)

/** Waits for a file's thumbnail to be drawn and answers its picture's width. */
async function thumbnailWidth(slot: Locator, name: string): Promise<number> {
  const image = slot.getByRole('button', { name: `Agrandir ${name}` }).locator('img')
  await image.waitFor()
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeTruthy()
  return image.evaluate((img: HTMLImageElement) => img.naturalWidth)
}

const rows = () =>
  desk.host.core.db.prepare('SELECT kind, media_type, checked FROM documents ORDER BY rowid').all()

describe('document slots, end to end', () => {
  it('attaches a photo and a PDF through the dialog, with thumbnails drawn under the CSP', async () => {
    await choose(identity(), 'passport.jpg')
    expect(await thumbnailWidth(identity(), 'passport.jpg')).toBe(400)
    await choose(enrollment(), 'certificat.pdf')
    // The PDF's first page, drawn by pdf.js in its worker: the worker loaded under worker-src 'self'.
    expect(await thumbnailWidth(enrollment(), 'certificat.pdf')).toBeGreaterThan(100)
    await enrollment().getByText('2 pages').waitFor()

    expect(rows()).toEqual([
      { kind: 'identity', media_type: 'image/jpeg', checked: 0 },
      { kind: 'enrollment', media_type: 'application/pdf', checked: 0 },
    ])
    expect(desk.problems).toEqual([])
  })

  it('attaches a file dropped on the slot from the desktop, and removes it', async () => {
    await drop(identity(), 'visa.png', 'image/png')
    expect(await thumbnailWidth(identity(), 'visa.png')).toBe(600)
    expect(uploadsLeft()).toEqual([])
    expect(rows()).toEqual([{ kind: 'identity', media_type: 'image/png', checked: 0 }])

    await identity().getByRole('button', { name: 'Retirer visa.png' }).click()
    await identity().getByRole('button', { name: 'Agrandir visa.png' }).waitFor({ state: 'detached' })
    expect(rows()).toEqual([])
  })

  it('sends the bytes to a private folder (0700), deletes them after inspection, refuses > 50 MiB unread', async () => {
    expect(statSync(desk.host.uploadDir).mode & 0o777).toBe(0o700)
    await choose(identity(), 'fake.pdf')
    await expect
      .poll(() => identity().getByRole('alert').textContent())
      .toContain('Le nom du fichier et son contenu ne correspondent pas')
    expect(uploadsLeft()).toEqual([])

    // 50 MiB + 1 byte, made in the page: the bridge refuses it from its size, before reading it.
    const dataTransfer = await desk.page.evaluateHandle(() => {
      const data = new DataTransfer()
      data.items.add(
        new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' }),
      )
      return data
    })
    await identity().dispatchEvent('drop', { dataTransfer })
    await expect.poll(() => identity().getByRole('alert').getAttribute('data-code')).toBe('too_large')
    expect(uploadsLeft()).toEqual([])
    expect(rows()).toEqual([])
  })

  it('shows a larger preview on click, closed with Escape', async () => {
    await choose(enrollment(), 'certificat.pdf')
    await enrollment().getByRole('button', { name: 'Agrandir certificat.pdf' }).click()
    const dialog = desk.page.getByRole('dialog', { name: 'certificat.pdf' })
    await dialog.getByRole('img').first().waitFor()
    await expect.poll(() => dialog.getByRole('img').count()).toBe(2)
    await desk.page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(desk.problems).toEqual([])
  })

  it('explains a refused file and keeps the slot as it was', async () => {
    await choose(identity(), 'fake.pdf')
    await expect
      .poll(() => identity().getByRole('alert').textContent())
      .toContain('Le nom du fichier et son contenu ne correspondent pas')
    expect(rows()).toEqual([])
  })

  it('keeps the "Pièce vérifiée" tick in the core, and shows it again after a reload', async () => {
    await choose(identity(), 'passport.jpg')
    await identity().getByRole('checkbox', { name: 'Pièce vérifiée' }).check()
    await expect.poll(() => rows()).toEqual([{ kind: 'identity', media_type: 'image/jpeg', checked: 1 }])

    await desk.page.reload()
    await desk.page.getByRole('button', { name: 'Reprendre' }).click()
    await expect
      .poll(() => identity().getByRole('checkbox', { name: 'Pièce vérifiée' }).isChecked())
      .toBe(true)
  })

  it('takes a scan from the scanner tray into the desk, removes it from the folder, and says so', async () => {
    const folder = join(files, 'scanner')
    mkdirSync(folder)
    const scan = join(folder, 'SCAN0042.PDF')
    writeFileSync(scan, await corpus.pdf(1))
    // Finished a minute ago: listed at the first look, without waiting for the settle window.
    const minuteAgo = new Date(Date.now() - 60_000)
    utimesSync(scan, minuteAgo, minuteAgo)
    await useScannerFolder(desk, folder)

    await desk.page.getByRole('button', { name: 'Joindre SCAN0042.PDF à la pièce d’identité' }).click()
    await desk.page
      .getByText(
        'SCAN0042.PDF est maintenant dans le poste (chiffré)\u202f: il a été retiré du dossier du scanner.',
      )
      .waitFor()
    expect(existsSync(scan)).toBe(false)
    expect(rows()).toEqual([{ kind: 'identity', media_type: 'application/pdf', checked: 0 }])
    await desk.page.screenshot({ path: join(tmpdir(), 'guichet-docs-tray.png') })
    expect(desk.problems).toEqual([])
  })

  it('shows a scanner PDF whose picture would unpack to 512 MiB as refused, with what to do, and draws nothing', async () => {
    const folder = join(files, 'scanner')
    mkdirSync(folder)
    const scan = join(folder, 'SCAN0045.PDF')
    writeFileSync(scan, bombs.pictureBomb())
    const minuteAgo = new Date(Date.now() - 60_000)
    utimesSync(scan, minuteAgo, minuteAgo)
    await useScannerFolder(desk, folder)

    const row = desk.page
      .getByRole('region', { name: 'Scans reçus' })
      .getByRole('listitem')
      .filter({ hasText: 'SCAN0045.PDF' })
    const refusal = row.locator('[data-code="pdf_stream_too_big"]')
    // Pictures are asked for as rows come into view.
    await row.scrollIntoViewIfNeeded()
    await refusal.waitFor()
    await desk.page.screenshot({ path: join(tmpdir(), 'guichet-docs-bomb.png') })
    expect(await refusal.textContent()).toMatch(
      /imprimez-le dans un nouveau PDF, ou scannez le document papier en image/,
    )
    expect(await row.locator('img, canvas').count()).toBe(0)
    expect(desk.problems).toEqual([])
  })

  it('marks "précédent dossier ?" only the scans from before the form was opened, also once the draft is resumed', async () => {
    const { page } = desk
    const folder = join(files, 'scanner')
    mkdirSync(folder)
    await useScannerFolder(desk, folder)
    await page.getByLabel('Nom', { exact: true }).fill('Okafor')
    const opened = new Date((await savedDraft(desk)).openedAt).getTime()
    /** A scan the scanner finished at `at`: a minute before the form opened, or just after. */
    const scanned = async (name: string, at: number) => {
      writeFileSync(join(folder, name), await corpus.pdf(1))
      utimesSync(join(folder, name), new Date(at), new Date(at))
    }
    await scanned('SCAN0041.PDF', opened - 60_000)
    await scanned('SCAN0043.PDF', opened + 50)
    const tray = page.getByRole('region', { name: 'Scans reçus' })
    const row = (name: string) => tray.getByRole('listitem').filter({ hasText: name })
    const marked = async () =>
      (await tray.getByRole('listitem').filter({ hasText: 'précédent dossier' }).allTextContents()).map(
        (text) => text.match(/SCAN\d+\.PDF/)?.[0],
      )
    await row('SCAN0043.PDF').waitFor()
    await row('SCAN0041.PDF').waitFor()
    expect(await marked()).toEqual(['SCAN0041.PDF'])
    // Newest first.
    expect((await tray.getByRole('listitem').allTextContents()).map((t) => t.match(/SCAN\d+/)?.[0])).toEqual([
      'SCAN0043',
      'SCAN0041',
    ])

    await page.reload()
    await page.getByRole('button', { name: 'Reprendre' }).click()
    await row('SCAN0043.PDF').waitFor()
    expect(await marked()).toEqual(['SCAN0041.PDF'])
    expect(desk.problems).toEqual([])
  })

  it('generates the sworn statement from the saved draft and shows it to print, saving no file', async () => {
    const { page } = desk
    const downloads: unknown[] = []
    page.on('download', (download) => downloads.push(download))
    await enrollment().getByRole('button', { name: 'Générer l’attestation sur l’honneur' }).click()
    await expect
      .poll(() => enrollment().getByRole('alert').textContent())
      .toContain('Saisissez d’abord le nom')

    await page.getByLabel('Nom', { exact: true }).fill('Okafor')
    await page.getByLabel('Prénom', { exact: true }).fill('Chidi')
    await expect.poll(() => desk.host.core.registrations.loadDraft()?.form.firstName).toBe('Chidi')
    await enrollment().getByRole('button', { name: 'Générer l’attestation sur l’honneur' }).click()
    // Shown at once, to print from there; closed, the keyboard is on the slot's "Choisir un fichier…".
    const preview = page.getByRole('dialog', { name: 'Attestation sur l’honneur' })
    await preview.getByRole('img').first().waitFor()
    expect(await preview.getByRole('button', { name: 'Imprimer' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await preview.waitFor({ state: 'hidden' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('choose-enrollment')
    await expect
      .poll(() => enrollment().getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('enregistrée nulle part'))
    expect(await enrollment().getByRole('link').count()).toBe(0)
    await enrollment().getByRole('button', { name: 'Voir et imprimer' }).click()
    await preview.getByRole('img').first().waitFor()
    expect(downloads).toEqual([])
    expect(desk.problems).toEqual([])
  })
})
