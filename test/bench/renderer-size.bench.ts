import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { WrongOutcome, defineBench, kib, versus } from './bench'

const rendererDir = resolve(import.meta.dirname, '../../out/renderer')
/** The budget of issue 12: what the window loads before its first screen. */
const MAX_INITIAL_GZIP = 250 * 1024

/** What the window loads before the first screen: the built renderer, file by file. */
export default defineBench({
  title: 'Renderer build size (out/renderer)',
  run() {
    if (!existsSync(rendererDir)) throw new Error('out/renderer is missing: run `npm run build` first')
    const files = readdirSync(rendererDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
    const sizes = files.map((file) => {
      const content = readFileSync(file)
      return { file: relative(rendererDir, file), raw: content.length, gzip: gzipSync(content).length }
    })
    const total = sizes.reduce(
      (sum, size) => ({ ...sum, raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }),
      {
        file: `total (${sizes.length} files)`,
        raw: 0,
        gzip: 0,
      },
    )
    // What the window runs before its first screen: the scripts index.html loads and preloads.
    const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
    const initial = [
      ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+)"/g),
    ].map((match) => sizes.find((size) => size.file === match[1]))
    if (!initial.length || initial.some((size) => !size))
      throw new WrongOutcome('index.html loads no script of the build')
    const initialGzip = initial.reduce((sum, size) => sum + (size?.gzip ?? 0), 0)
    if (initialGzip > MAX_INITIAL_GZIP) {
      throw new WrongOutcome(
        `The initial JS is ${kib(initialGzip)} gzip, over the ${kib(MAX_INITIAL_GZIP)} budget`,
      )
    }
    // What any Vue app in the DSFR ships before a line of its own: the floor this one is judged against.
    const floor = ['vue/dist/vue.runtime.esm-browser.prod.js', '@gouvfr/dsfr/dist/dsfr.min.css']
      .map((file) => gzipSync(readFileSync(resolve(import.meta.dirname, '../../node_modules', file))).length)
      .reduce((a, b) => a + b, 0)
    return [
      ...sizes.map(({ file, raw, gzip }) => ({ case: file, raw: kib(raw), gzip: kib(gzip) })),
      {
        case: `initial JS (${initial.length} files, budget ${kib(MAX_INITIAL_GZIP)})`,
        raw: '',
        gzip: kib(initialGzip),
      },
      versus(
        `${total.file}, gzip`,
        { value: total.gzip, label: `${kib(total.raw)} raw` },
        { label: 'Vue runtime + DSFR CSS, gzip', value: floor },
        kib,
      ),
    ]
  },
})
