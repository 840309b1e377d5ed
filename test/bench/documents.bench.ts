import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { openDatabase } from '../../electron/core/db/open'
import { inspectFile } from '../../electron/core/documents/inspect'
import { normalizeImage } from '../../electron/core/documents/normalize-image'
import { DocumentVault } from '../../electron/core/documents/vault'
import { attachFile } from '../../electron/core/registrations/attach'
import { Documents } from '../../electron/core/registrations/documents'
import { Registrations } from '../../electron/core/registrations/repository'
import { pdfObjectStreamBomb } from '../fixtures/documents/corpus'
import * as realistic from '../fixtures/documents/realistic'
import { defineBench, kib, ms, spread, type Row } from './bench'

const RUNS = 10
const MiB = 1024 * 1024

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`

/** Times `work` RUNS times while sampling the resident set; answers the timings and the peak growth. */
async function measure(work: () => Promise<unknown>): Promise<{ times: number[]; peakRss: number }> {
  const base = process.memoryUsage().rss
  let peak = base
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2)
  const times: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      const start = process.hrtime.bigint()
      await work()
      times.push(Number(process.hrtime.bigint() - start) / 1e6)
      peak = Math.max(peak, process.memoryUsage().rss)
    }
  } finally {
    clearInterval(sampler)
  }
  return { times, peakRss: peak - base }
}

/** attachFile as the app runs it: inspection, normalization, sha256, AES-GCM, atomic write, row. */
async function takeIn(dir: string, files: { name: string; bytes: Buffer }[]): Promise<Row[]> {
  const db = openDatabase(join(dir, 'bench.sqlite'))
  const key = randomBytes(32)
  const parts = {
    registrations: new Registrations(db, key),
    documents: new Documents(db, key),
    vault: new DocumentVault(join(dir, 'documents'), key),
  }
  const rows: Row[] = []
  try {
    for (const { name, bytes } of files) {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      let stored = 0
      const { times, peakRss } = await measure(async () => {
        // A fresh registration each run, so the slot's limit of files never refuses.
        const doc = await attachFile(parts, crypto.randomUUID(), 'identity', path)
        // The outcome before any figure: the row is there and the vault gives back what it describes.
        const kept = await parts.vault.read(doc.id)
        if (
          !parts.documents.summary(doc.id) ||
          createHash('sha256').update(kept).digest('hex') !== doc.sha256
        ) {
          throw new Error(`${name}: the document was not stored as described`)
        }
        stored = doc.size
      })
      rows.push({
        case: `take in ${name} (${bytes.length.toLocaleString('en')} B → ${stored.toLocaleString('en')} B stored)`,
        ...spread(times),
        'peak RSS growth': mib(peakRss),
      })
    }
  } finally {
    db.close()
  }
  return rows
}

const chromiumPath = process.env['GUICHET_CHROMIUM'] ?? '/usr/bin/chromium'
const pdfjs = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../node_modules/pdfjs-dist/build/${file}`, import.meta.url)))

/**
 * What the slot does in the page, in Chromium: the first page of the PDF drawn by pdf.js (its worker
 * included) at thumbnail width, and the stored photo decoded from its data: URL.
 */
async function thumbnails(pdf: Buffer, photo: Buffer): Promise<Row[]> {
  if (!existsSync(chromiumPath)) return [{ case: `thumbnails: skipped, no Chromium at ${chromiumPath}` }]
  const files: Record<string, [string, Buffer]> = {
    '/': ['text/html', Buffer.from('<!doctype html><title>bench</title>')],
    '/pdf.mjs': ['text/javascript', pdfjs('pdf.min.mjs')],
    '/pdf.worker.mjs': ['text/javascript', pdfjs('pdf.worker.min.mjs')],
  }
  const server = createServer((req, res) => {
    const [type, body] = files[req.url ?? '/'] ?? ['text/plain', Buffer.from('not found')]
    res.writeHead(files[req.url ?? '/'] ? 200 : 404, { 'content-type': type }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await page.evaluate(
      `window.pdfBase64 = '${pdf.toString('base64')}'; window.photoBase64 = '${photo.toString('base64')}'`,
    )
    // Plain JavaScript in a string: tsx would wrap a function's inner helpers in its own __name.
    const timings = (await page.evaluate(`(async () => {
      const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const lib = await import('/pdf.mjs')
      lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs'
      const pdfTimes = []
      const photoTimes = []
      for (let run = 0; run < ${RUNS}; run++) {
        let start = performance.now()
        const pdf = await lib.getDocument({ data: bytes(window.pdfBase64), isEvalSupported: false }).promise
        const first = await pdf.getPage(1)
        const viewport = first.getViewport({ scale: 240 / first.getViewport({ scale: 1 }).width })
        const canvas = document.createElement('canvas')
        canvas.width = Math.ceil(viewport.width)
        canvas.height = Math.ceil(viewport.height)
        await first.render({ canvas, viewport }).promise
        canvas.toDataURL('image/png')
        await pdf.destroy()
        pdfTimes.push(performance.now() - start)

        start = performance.now()
        const image = new Image()
        image.src = 'data:image/jpeg;base64,' + window.photoBase64
        await image.decode()
        photoTimes.push(performance.now() - start)
      }
      return { pdfTimes, photoTimes }
    })()`)) as { pdfTimes: number[]; photoTimes: number[] }
    return [
      { case: `thumbnail: PDF page 1 at 240 px (pdf.js, ${mib(pdf.length)})`, ...spread(timings.pdfTimes) },
      {
        case: `thumbnail: stored photo from data: URL (${kib(photo.length)})`,
        ...spread(timings.photoTimes),
      },
    ]
  } finally {
    await browser.close()
    server.close()
  }
}

/**
 * The 1 MB PDF whose object stream inflates to 1 GiB, run first so the process's peak RSS is still
 * its baseline: the growth of that peak is what the check cost at most. Each run must be refused
 * with pdf_too_complex, or the bench stops without a figure.
 */
async function bomb(dir: string): Promise<Row[]> {
  const bytes = pdfObjectStreamBomb()
  const path = join(dir, 'bomb.pdf')
  writeFileSync(path, bytes)
  const rssBefore = process.memoryUsage().rss
  const times: number[] = []
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint()
    const result = await inspectFile(path)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    if (result.ok || result.error.code !== 'pdf_too_complex') {
      throw new Error(
        `the PDF bomb was not refused as pdf_too_complex: ${JSON.stringify(result.ok || result.error)}`,
      )
    }
  }
  const peakGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore
  return [
    {
      case: `PDF bomb refused (${bytes.length.toLocaleString('en')} B, inflates to 1 GiB; goal < 2 s, < 300 MB)`,
      ...spread(times),
      max: ms(Math.max(...times)),
      'peak RSS growth': mib(peakGrowth),
    },
  ]
}

export default defineBench({
  title: `Documents: PDF bomb, take-in (attachFile) of realistic scans and thumbnails, ${RUNS} runs each`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-documents-'))
    try {
      const rows = await bomb(dir)
      const photo = await realistic.phonePhoto()
      const pdf = (await realistic.scannerPdf(1)).bytes
      rows.push(
        ...(await takeIn(dir, [
          { name: photo.name, bytes: photo.bytes },
          { name: 'SCAN0042.PDF', bytes: pdf },
          {
            name: 'SCAN0043-3-pages.PDF',
            bytes: (await realistic.scannerPdf(3, realistic.SIZES.phonePhoto)).bytes,
          },
          { name: 'screenshot.png', bytes: (await realistic.screenshot()).bytes },
          { name: 'scan_001.tif', bytes: (await realistic.tiffScan()).bytes },
        ])),
      )
      // The photo as stored (normalized), which is what the slot shows.
      const stored = (await normalizeImage(photo.bytes, 'jpg')).bytes
      const { heapUsed, rss } = process.memoryUsage()
      rows.push({
        case: `after: heap used ${mib(heapUsed)}, RSS ${mib(rss)}, max RSS ${mib(process.resourceUsage().maxRSS * 1024)}`,
      })
      return [...rows, ...(await thumbnails(pdf, stored))]
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
})
