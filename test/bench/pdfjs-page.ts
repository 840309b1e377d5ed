import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'

export const chromiumPath = process.env['GUICHET_CHROMIUM'] ?? '/usr/bin/chromium'

const pdfjs = (file: string) =>
  readFileSync(fileURLToPath(new URL(`../../node_modules/pdfjs-dist/build/${file}`, import.meta.url)))

/**
 * A Chromium page with pdf.js (its worker included) and `window.drawFirstPage(base64, width)`, which
 * draws a PDF's first page as the renderer does for a thumbnail and answers the milliseconds it took
 * from the bytes to the PNG; null when there is no Chromium to run in.
 */
export async function withPdfjsPage<T>(work: (page: Page) => Promise<T>): Promise<T | null> {
  if (!existsSync(chromiumPath)) return null
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
    // Plain JavaScript in a string: tsx would wrap a function's inner helpers in its own __name.
    await page.evaluate(`(async () => {
      const lib = await import('/pdf.mjs')
      lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs'
      window.bytesOf = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      window.drawFirstPage = async (base64, width) => {
        const start = performance.now()
        const pdf = await lib.getDocument({ data: window.bytesOf(base64), isEvalSupported: false }).promise
        const first = await pdf.getPage(1)
        const viewport = first.getViewport({ scale: width / first.getViewport({ scale: 1 }).width })
        const canvas = document.createElement('canvas')
        canvas.width = Math.ceil(viewport.width)
        canvas.height = Math.ceil(viewport.height)
        await first.render({ canvas, viewport }).promise
        canvas.toDataURL('image/png')
        await pdf.destroy()
        return performance.now() - start
      }
    })()`)
    return await work(page)
  } finally {
    await browser.close()
    server.close()
  }
}
