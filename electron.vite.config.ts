import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'

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
    plugins: [vue()],
  },
})
