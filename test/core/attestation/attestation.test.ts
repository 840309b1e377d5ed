import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PDFDocument } from 'pdf-lib'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { academicYear } from '../../../electron/core/attestation/facts'
import { generateAttestation } from '../../../electron/core/attestation/generate'
import { attestationText, PENAL_SANCTIONS } from '../../../electron/core/attestation/content'
import { loadReferenceData } from '../../../electron/core/reference-data'
import type { Core } from '../../../electron/core/core'
import { inspectFile } from '../../../electron/core/documents/inspect'
import { writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const reference = loadReferenceData(fileURLToPath(new URL('../../../resources', import.meta.url)))
const now = new Date(2025, 8, 15, 10, 30)
const clientId = '3f0e1d2c-4b5a-4697-8876-a5b4c3d2e1f0'

const form = {
  civility: 'MME',
  lastName: 'Nguyễn',
  firstName: 'Thị Lan',
  birthDate: '12/08/2003',
  contact: { address: '12 rue des Écoles', postalCode: '75005', city: 'Paris', country: 'FR' },
  establishment: { uai: '0751717J', department: '75' },
}

function core(draft: { clientId: string; form: unknown } | null = null) {
  return {
    registrations: { loadDraft: () => draft },
    reference,
    now: () => now,
  } as unknown as Pick<Core, 'registrations' | 'reference' | 'now'>
}

/** The PDF's text as a reader extracts it, lines joined with spaces. */
async function textOf(base64: string): Promise<string> {
  const data = new Uint8Array(Buffer.from(base64, 'base64'))
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise
  const page = await pdf.getPage(1)
  const content = await page.getTextContent()
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ')
  await pdf.destroy()
  // Spaces collapsed, non-breaking ones kept: they are part of the typography checked.
  return text.replace(/[ \t\r\n]+/g, ' ')
}

describe("the sworn statement (attestation sur l'honneur)", () => {
  it('is a one-page French PDF in the student’s name with the penal sentence, place, date and blank signature', async () => {
    const { base64, fileName } = await generateAttestation(core(), clientId, form)
    expect(fileName).toMatch(/\.pdf$/)
    const text = await textOf(base64)
    // Accents Helvetica lacks (ễ, ị) are dropped, as on the passport's machine-readable lines.
    expect(text).toContain('Je soussignée Madame Thi Lan NGUYEN, née le 12 août 2003')
    expect(text).toContain('demeurant 12 rue des Écoles, 75005 Paris')
    expect(text).toContain('atteste sur l’honneur être en cours d’inscription')
    expect(text).toContain('Université Paris 1 - Panthéon Sorbonne')
    expect(text).toContain('pour l’année universitaire 2025-2026')
    expect(text).toContain(PENAL_SANCTIONS)
    expect(text).toContain('article 441-7 du Code pénal')
    expect(text).toContain('Fait à Paris, le 15 septembre 2025')
    expect(text).toContain('Signature de l’étudiante')
    // French typography on paper as on screen: typographic apostrophes (a reader extracts the
    // non-breaking spaces as plain ones: the text itself is checked below).
    expect(text).not.toContain("'")
    expect(text).toContain('Objet : déclaration sur l’honneur')
    const pdf = await PDFDocument.load(Buffer.from(base64, 'base64'))
    expect(pdf.getPageCount()).toBe(1)
    expect(pdf.getTitle()).toBe('Attestation sur l’honneur')
  })

  it('passes the desk’s own document checks, so its scan or the file itself can go into the slot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'guichet-attestation-'))
    try {
      const { base64 } = await generateAttestation(core(), clientId, form)
      const file = join(dir, 'attestation.pdf')
      await writeFile(file, Buffer.from(base64, 'base64'))
      expect(await inspectFile(file)).toMatchObject({ ok: true, mediaType: 'application/pdf', pages: 1 })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('keeps a non-breaking space before a colon and inside guillemets, so no line breaks there', () => {
    const printed = attestationText({
      civility: 'Madame',
      firstNames: 'Thi Lan',
      lastName: 'NGUYEN',
      birthDate: null,
      birthPlace: null,
      address: null,
      passportNumber: null,
      passportExpiry: null,
      establishment: 'Université Paris 1 - Panthéon Sorbonne',
      academicYear: '2025-2026',
      place: null,
      date: '15 septembre 2025',
    })
    expect(printed.subject).toBe('Objet\u00a0: déclaration sur l’honneur')
    expect(printed.body[1]).toContain('«\u00a0Université Paris 1 - Panthéon Sorbonne\u00a0»')
    expect(JSON.stringify(printed)).not.toContain("'")
  })

  it('prints what the form holds and leaves the rest for the pen', async () => {
    const sparse = { civility: null, lastName: 'Okafor', firstName: 'Chidi', passportNumber: 'A12345678' }
    const text = await textOf((await generateAttestation(core(), clientId, sparse)).base64)
    expect(text).toContain('Je soussigné(e) Chidi OKAFOR, titulaire du passeport n° A12345678,')
    expect(text).toContain('dans un établissement d’enseignement supérieur français')
    expect(text).toMatch(/Fait à …+, le 15 septembre 2025/)
  })

  it('takes the saved draft when the page sends no form', async () => {
    const text = await textOf((await generateAttestation(core({ clientId, form }), clientId)).base64)
    expect(text).toContain('NGUYEN')
  })

  it('is refused with a message when the name is missing or in a script the PDF cannot print', async () => {
    await expect(generateAttestation(core(), clientId, {})).rejects.toMatchObject({
      code: 'attestation_needs_name',
    })
    await expect(
      generateAttestation(core(), clientId, { lastName: 'Иванова', firstName: 'Анна' }),
    ).rejects.toMatchObject({ code: 'attestation_unprintable', message: expect.stringContaining('Latin') })
  })

  it('names the academic year that starts in September from July on', () => {
    expect(academicYear(new Date(2026, 5, 30))).toBe('2025-2026')
    expect(academicYear(new Date(2026, 6, 1))).toBe('2026-2027')
  })
})
