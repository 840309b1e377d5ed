import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'
import { inspectFile } from '../../electron/core/documents/inspect'
import { scanThumbnail, THUMBNAIL_EDGE } from '../../electron/core/documents/scan-thumbnail'
import type { ScanThumbnail } from '../../src/domain/ipc/events'
import * as realistic from '../fixtures/documents/realistic'
import { defineBench, expectOutcome, kib, quantile, versus, type Row } from './bench'
import { chromiumPath, withPdfjsPage } from './pdfjs-page'

const RUNS = 10

async function timings<T>(work: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  const times: number[] = []
  let last: T | undefined
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint()
    last = await work()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return { times, last: last as T }
}

/** The tray's picture of an image: WebP, upright, within the edge, with no metadata left. */
async function checkImage(made: ScanThumbnail, upright: { width: number; height: number }): Promise<number> {
  expectOutcome(made.kind === 'image', `an image thumbnail (got ${made.kind})`)
  const bytes = Buffer.from(made.base64, 'base64')
  const meta = await sharp(bytes).metadata()
  const fits = Math.max(meta.width ?? 0, meta.height ?? 0) === THUMBNAIL_EDGE
  const portrait = (meta.height ?? 0) > (meta.width ?? 0) === upright.height > upright.width
  expectOutcome(meta.format === 'webp' && fits && portrait, 'a 160 px WebP turned upright')
  expectOutcome(!meta.exif && !meta.icc && !meta.xmp, 'a thumbnail with no metadata')
  return bytes.length
}

/** The tray's picture of a PDF: its first page alone, as a PDF pdf.js can draw. */
async function checkPdf(made: ScanThumbnail, pages: number): Promise<number> {
  expectOutcome(made.kind === 'pdf' && made.pages === pages, `a page cut from a ${pages}-page PDF`)
  const bytes = Buffer.from(made.base64, 'base64')
  expectOutcome((await PDFDocument.load(bytes)).getPageCount() === 1, 'a one-page PDF')
  return bytes.length
}

/**
 * The page's half of a PDF's picture: the cut page drawn by pdf.js at the tray's width, against the
 * whole file's first page drawn the same way (what sending the file's bytes would cost the page).
 */
async function drawn(cut: string, whole: Buffer, pages: number): Promise<Row> {
  const timings = await withPdfjsPage(async (page) => {
    await page.evaluate(`window.cut = '${cut}'; window.whole = '${whole.toString('base64')}'`)
    return (await page.evaluate(`(async () => {
      const cutTimes = []
      const wholeTimes = []
      for (let run = 0; run < ${RUNS}; run++) {
        cutTimes.push(await window.drawFirstPage(window.cut, ${THUMBNAIL_EDGE}))
        wholeTimes.push(await window.drawFirstPage(window.whole, ${THUMBNAIL_EDGE}))
      }
      return { cutTimes, wholeTimes }
    })()`)) as { cutTimes: number[]; wholeTimes: number[] }
  })
  if (!timings) return { case: `drawn in the page: skipped, no Chromium at ${chromiumPath}` }
  return versus(
    `in Chromium: the cut page drawn at ${THUMBNAIL_EDGE} px by pdf.js`,
    { value: quantile(timings.cutTimes, 0.5) },
    { value: quantile(timings.wholeTimes, 0.5), label: `page 1 of the whole ${pages}-page file` },
  )
}

export default defineBench({
  title: 'Scanner tray thumbnails (core): time per file, median of 10, against taking the same file in',
  async run(): Promise<Row[]> {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-thumbnails-'))
    try {
      const photo = await realistic.phonePhoto()
      const scan = await realistic.scannerPdf(3, 3_412_345)
      const photoPath = join(dir, photo.name)
      const scanPath = join(dir, scan.name)
      writeFileSync(photoPath, photo.bytes)
      writeFileSync(scanPath, scan.bytes)

      const photoThumb = await timings(() => scanThumbnail(photoPath))
      const photoTakeIn = await timings(() => inspectFile(photoPath))
      const photoSize = await checkImage(photoThumb.last, { width: 3024, height: 4032 })
      expectOutcome(photoTakeIn.last.ok, 'the phone photo accepted by the take-in')

      const scanThumb = await timings(() => scanThumbnail(scanPath))
      const scanTakeIn = await timings(() => inspectFile(scanPath))
      const cutSize = await checkPdf(scanThumb.last, 3)
      expectOutcome(scanTakeIn.last.ok, 'the scanner PDF accepted by the take-in')

      const median = (times: number[]) => quantile(times, 0.5)
      return [
        {
          ...versus(
            `phone photo ${(photo.bytes.length / 1e6).toFixed(1)} MB, 4032×3024, EXIF 6, P3 → 160 px WebP`,
            {
              value: median(photoThumb.times),
              label: `p95 ${quantile(photoThumb.times, 0.95).toFixed(1)} ms`,
            },
            { value: median(photoTakeIn.times), label: 'take-in' },
          ),
          sent: kib(photoSize),
        },
        {
          ...versus(
            `scanner PDF ${(scan.bytes.length / 1e6).toFixed(1)} MB, 3 pages of 300 dpi JPEG → page 1 cut`,
            { value: median(scanThumb.times), label: `p95 ${quantile(scanThumb.times, 0.95).toFixed(1)} ms` },
            { value: median(scanTakeIn.times), label: 'take-in' },
          ),
          sent: kib(cutSize),
        },
        {
          ...(await drawn(scanThumb.last.kind === 'pdf' ? scanThumb.last.base64 : '', scan.bytes, 3)),
          sent: `${kib(cutSize)} vs ${kib(scan.bytes.length)}`,
        },
      ]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
