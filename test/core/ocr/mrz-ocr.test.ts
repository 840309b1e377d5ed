import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMrz } from '../../../electron/core/ocr/mrz-cli'
import { passportReader, type PassportReader } from '../../../electron/core/ocr/passport-reader'
import { composeTd3, type PassportData } from '../../fixtures/mrz/compose'
import { passportData, passportScan, type ScanOptions } from '../../fixtures/mrz/scan'
import { SPECIMEN } from '../../fixtures/mrz/specimen'

/**
 * The OCR on synthetic scans the test draws itself (OCR-B from Debian's fonts-ocr-b on a passport-like
 * page), each degraded as a desk's scans are, with the truth known. Few pages, as each is a real OCR
 * run; the bench (test/bench/mrz.bench.ts) measures accuracy over many more.
 */
const today = new Date('2026-12-01T09:00:00Z')
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-ocr-'))
const timers: (() => void)[] = []
let reader: PassportReader

beforeAll(() => {
  reader = passportReader({
    resourcesDir: join(import.meta.dirname, '../../../resources'),
    dataDir,
    now: () => today,
    setTimer: (run) => {
      timers.push(run)
      return { clear: () => timers.splice(timers.indexOf(run) >>> 0, 1) }
    },
  })
})
afterAll(async () => {
  await reader.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function expectExact(data: PassportData, options: ScanOptions) {
  const { found, reading } = await reader.read(await passportScan(data, options))
  expect(found).toBe(true)
  expect(reading?.valid).toBe(true)
  expect([reading?.line1, reading?.line2]).toEqual(composeTd3(data))
  return reading
}

describe('reading a passport’s MRZ on a scan', { timeout: 120_000 }, () => {
  it('reads the ICAO specimen on a whole A4 scanner bed at 300 dpi, off to one side', async () => {
    const reading = await expectExact(SPECIMEN, { dpi: 300, at: [70, 30], jpegQuality: 85 })
    expect(reading?.fields).toMatchObject({
      lastName: 'ERIKSSON',
      birthDate: '1974-08-12',
      documentNumber: 'L898902C3',
    })
  })

  it('finds it turned a quarter, askew by 3 degrees, under the facing page, at 200 dpi in a rough JPEG', async () => {
    await expectExact(passportData(11), { dpi: 200, turn: 90, skew: 3, booklet: true, jpegQuality: 60 })
  })

  it('finds it upside down on a shaded, grainy phone photo of the page', async () => {
    await expectExact(passportData(12), {
      dpi: 300,
      turn: 180,
      photo: true,
      shading: 0.45,
      noise: 8,
      skew: -2,
    })
  })

  it('reads a scanner PDF (one JPEG per page) whose passport is on the second page', async () => {
    const pdf = await PDFDocument.create()
    for (const page of [
      await passportScan(null, { dpi: 150 }),
      await passportScan(passportData(14), { dpi: 300 }),
    ]) {
      const image = await pdf.embedJpg(page)
      pdf.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 })
    }
    const { reading } = await reader.read(Buffer.from(await pdf.save()))
    expect([reading?.line1, reading?.line2]).toEqual(composeTd3(passportData(14)))
  })

  it('says there is none on a page of text, and on a passport page with its MRZ cut off', async () => {
    expect(await reader.read(await passportScan(null, { dpi: 200, seed: 3 }))).toEqual({
      found: false,
      reading: null,
    })
    expect(await reader.read(await passportScan(passportData(15), { noMrz: true }))).toEqual({
      found: false,
      reading: null,
    })
  })

  it('never takes an ID card’s three-line TD1 back for a valid passport', async () => {
    const { reading } = await reader.read(await passportScan(passportData(16), { td1: true }))
    expect(reading?.valid ?? false).toBe(false)
  })

  it('releases the OCR workers once idle', async () => {
    expect(reader.running).toBe(true)
    expect(timers.length).toBeGreaterThan(0)
    for (const fire of [...timers]) fire()
    await new Promise((resolve) => setImmediate(resolve))
    expect(reader.running).toBe(false)
  })

  it('desk mrz prints one JSON line per file, the lines only when every check digit holds', async () => {
    const scan = join(dataDir, 'passport.jpg')
    writeFileSync(scan, await passportScan(SPECIMEN, { dpi: 300 }))
    const damaged = join(dataDir, 'damaged.jpg')
    writeFileSync(damaged, (await passportScan(SPECIMEN, { dpi: 150 })).subarray(0, 2000))
    const lines: string[] = []
    const code = await runMrz([scan, damaged], reader, (line) => lines.push(line))
    const [good, bad] = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(good).toMatchObject({
      file: scan,
      found: true,
      valid: true,
      line1: composeTd3(SPECIMEN)[0],
      line2: composeTd3(SPECIMEN)[1],
      fields: {
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        lastName: 'ERIKSSON',
        firstNames: 'ANNA MARIA',
        issuingState: 'UTO',
      },
    })
    expect(typeof good?.ms).toBe('number')
    expect(bad).toMatchObject({ file: damaged, found: false, valid: false, line1: null, line2: null })
    expect(code).toBe(1)
  })
})
