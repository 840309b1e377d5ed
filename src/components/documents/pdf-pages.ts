import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist'
// The worker is a file of the app's own bundle, so it runs under `worker-src 'self'` with no blob:
// or eval: Vite emits it beside the other assets and gives its URL.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

/**
 * The fonts and CMaps the build puts beside the app (electron.vite.config.ts), from the app's own
 * origin. A PDF's standard fonts (the sworn statement's Helvetica) are drawn with pdf.js's own metric
 * twin of each, never a system font: Linux has no Helvetica and its fallback, narrower, left gaps
 * ("J e soussigné"); the same font on every desk draws the same page.
 */
const pdfjsData = {
  standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
  cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
  cMapPacked: true,
  useSystemFonts: false,
  // Scanners store pages as JPEG 2000 too: pdf.js imports OpenJPEG's plain-JavaScript build from
  // here. WebAssembly stays off, as the CSP forbids compiling it; JBIG2 and CCITT pictures then go to
  // pdf.js's own JavaScript decoders, and ICC profiles to their alternate colour space.
  wasmUrl: new URL('pdfjs/wasm/', document.baseURI).href,
  useWasm: false,
}

/**
 * Renders the first `maxPages` pages of a PDF, each `width` pixels wide, as PNG data URLs. Loaded
 * only when a PDF is shown, so pdf.js stays out of the app's first bundle.
 */
export async function renderPdfPages(bytes: Uint8Array, width: number, maxPages: number): Promise<string[]> {
  // eval stays off: the CSP forbids it, and a document from outside must not run code anyway.
  const pdf = await getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
    ...pdfjsData,
  }).promise
  try {
    const urls: string[] = []
    for (let number = 1; number <= Math.min(pdf.numPages, maxPages); number++) {
      const page = await pdf.getPage(number)
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width })
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(viewport.width)
      canvas.height = Math.ceil(viewport.height)
      await page.render({ canvas, viewport }).promise
      urls.push(canvas.toDataURL('image/png'))
      page.cleanup()
    }
    return urls
  } finally {
    await pdf.destroy()
  }
}
