import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { cpSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * pdf.js's data, beside the renderer under their own names (pdf.js asks for a file by name in a
 * folder): the fonts it draws a PDF's non-embedded standard fonts with (Helvetica's metric twin,
 * Liberation Sans), and the CMaps of Chinese, Japanese and Korean text. Served by the app itself, so
 * the preview needs no network and the CSP stays 'self' (src/components/documents/pdf-pages.ts).
 */
function pdfjsData(): Plugin {
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return {
    name: 'guichet-pdfjs-data',
    apply: 'build',
    // Copied as they are, after the bundle: 180 small files that the build need not list one by one.
    writeBundle({ dir }) {
      const out = join(dir ?? 'out/renderer', 'pdfjs')
      for (const folder of ['standard_fonts', 'cmaps']) {
        cpSync(join(pdfjs, folder), join(out, folder), { recursive: true })
      }
      // OpenJPEG compiled to plain JavaScript, which pdf.js imports to draw JPEG 2000 pictures when
      // WebAssembly is off: the CSP has no 'wasm-unsafe-eval' (SECURITY.md), so no .wasm is shipped.
      for (const file of ['openjpeg_nowasm_fallback.js', 'LICENSE_OPENJPEG', 'LICENSE_PDFJS_OPENJPEG']) {
        cpSync(join(pdfjs, 'wasm', file), join(out, 'wasm', file))
      }
    },
  }
}

// Native modules stay outside the bundles (they are unpacked from the asar); everything else,
// yup and the domain included, is bundled so the installer ships only what runs.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      // The sync's upload thread loads its own script from beside the code that starts it, so the code
      // both share stays in the same folder rather than in chunks/ (see upload-thread.ts).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'upload-worker': resolve('electron/core/sync/upload-worker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload is a single CommonJS script; it may require only 'electron'.
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src',
    base: './',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the window's first screen waits on this script.
      minify: true,
      rollupOptions: { input: resolve('src/index.html') },
    },
    // DSFR's core keeps two Internet Explorer media-query hacks that the minifier cannot parse; they are
    // dropped (no Chromium ever matched them).
    css: { lightningcss: { errorRecovery: true } },
    plugins: [vue(), pdfjsData()],
  },
})
