import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { defineBench, kib, versus } from './bench'

const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

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
    // What any Vue app in the DSFR ships before a line of its own: the floor this one is judged against.
    const floor = ['vue/dist/vue.runtime.esm-browser.prod.js', '@gouvfr/dsfr/dist/dsfr.min.css']
      .map((file) => gzipSync(readFileSync(resolve(import.meta.dirname, '../../node_modules', file))).length)
      .reduce((a, b) => a + b, 0)
    return [
      ...sizes.map(({ file, raw, gzip }) => ({ case: file, raw: kib(raw), gzip: kib(gzip) })),
      versus(
        `${total.file}, gzip`,
        { value: total.gzip, label: `${kib(total.raw)} raw` },
        { label: 'Vue runtime + DSFR CSS, gzip', value: floor },
        kib,
      ),
    ]
  },
})
