import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { passportReader } from '../../electron/core/ocr/passport-reader'
import { composeTd3 } from '../fixtures/mrz/compose'
import { degradation, describe, passportData, passportScan, type ScanOptions } from '../fixtures/mrz/scan'
import { defineBench, ms, spread, type Row } from './bench'

/** Passport pages, each with its own holder and degradations (rotation, skew, dpi, JPEG, shading...). */
const PAGES = Number(process.env['GUICHET_MRZ_BENCH_PAGES'] ?? 60)
/** Pages without an MRZ: text, a data page with its MRZ cut off, an ID card's TD1 back. */
const BLANKS: { name: string; data: boolean; options: ScanOptions }[] = [
  { name: 'text page 200 dpi', data: false, options: { dpi: 200, seed: 5 } },
  { name: 'text page 300 dpi turned', data: false, options: { dpi: 300, seed: 6, turn: 90 } },
  { name: 'passport page, no MRZ', data: true, options: { noMrz: true, seed: 7 } },
  { name: 'ID card TD1 back', data: true, options: { td1: true, seed: 8 } },
]

/**
 * OCR of generated passport scans: both lines exact (and valid) on how many pages, time per page
 * (wall clock and CPU of the whole process, OCR worker threads included, since a shared machine's
 * wall clock says more about its load than about the reader), and no MRZ invented on pages without.
 */
export default defineBench({
  title: `Passport MRZ OCR (${PAGES} generated scans + ${BLANKS.length} pages without an MRZ)`,
  async run(): Promise<Row[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'guichet-mrz-bench-'))
    const reader = passportReader({
      resourcesDir: join(import.meta.dirname, '../../resources'),
      dataDir,
      now: () => new Date('2026-12-01T09:00:00Z'),
    })
    try {
      // The first reading loads the OCR-B templates (and tesseract's workers if it falls back): timed apart.
      const coldStart = process.hrtime.bigint()
      await reader.read(await passportScan(passportData(0), {}))
      const cold = Number(process.hrtime.bigint() - coldStart) / 1e6

      const wall: number[] = []
      const cpu: number[] = []
      const misses: string[] = []
      let exact = 0
      let wrongButValid = 0
      for (let seed = 1; seed <= PAGES; seed++) {
        const data = passportData(seed)
        const options = degradation(seed)
        const scan = await passportScan(data, options)
        const start = process.hrtime.bigint()
        const used = process.cpuUsage()
        const { reading } = await reader.read(scan)
        const spent = process.cpuUsage(used)
        wall.push(Number(process.hrtime.bigint() - start) / 1e6)
        cpu.push((spent.user + spent.system) / 1000)
        const truth = composeTd3(data)
        const same = reading?.line1 === truth[0] && reading.line2 === truth[1]
        if (reading?.valid && same) exact++
        else
          misses.push(
            `#${seed} ${describe(options)}: ${reading ? (reading.valid ? 'valid but wrong' : 'invalid') : 'not found'}`,
          )
        if (reading?.valid && !same) wrongButValid++
      }
      let invented = 0
      for (const blank of BLANKS) {
        const { reading } = await reader.read(
          await passportScan(blank.data ? passportData(99) : null, blank.options),
        )
        if (reading?.valid) invented++
      }
      // The outcome is checked before any figure: an MRZ made up where there is none fails the bench.
      if (invented > 0) throw new Error(`${invented} page(s) without an MRZ were read as a valid passport`)
      if (exact === 0) throw new Error('no page was read exactly: the OCR is broken, no timing printed')
      for (const miss of misses) console.log(`  missed ${miss}`)
      const w = spread(wall)
      const c = spread(cpu)
      return [
        {
          measure: 'both lines exact and valid',
          value: `${exact}/${PAGES} (${((100 * exact) / PAGES).toFixed(1)} %)`,
        },
        { measure: 'valid but not the truth (names have no check digit)', value: wrongButValid },
        { measure: 'pages without an MRZ read as one', value: `${invented}/${BLANKS.length}` },
        { measure: 'first reading (templates load)', value: ms(cold) },
        { measure: 'wall per page, median', value: w.median },
        { measure: 'wall per page, p95', value: w.p95 },
        { measure: 'CPU per page (all threads), median', value: c.median },
        { measure: 'CPU per page (all threads), p95', value: c.p95 },
      ]
    } finally {
      await reader.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})
