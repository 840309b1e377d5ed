import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const NODE_TESTS = 'test/{domain,core,main,backend,packaging,scripts,lint,host,cli,i18n}/**/*.test.ts'

/**
 * Node test files that replace a module (vi.mock, vi.doMock), a global, the clock or process.env for
 * their own run: each gets a fresh process, so what it replaced never reaches another file.
 * test/lint/shared-process.test.ts fails when a file that does so is missing here.
 */
export const ISOLATED_NODE_TESTS = [
  'test/core/ocr/pdf-images.test.ts',
  'test/core/scanner/scanner-folder.test.ts',
  'test/core/scanner/scanner-links.test.ts',
  'test/core/secrets/keychain-locked.test.ts',
  'test/core/sync/first-body-flush.test.ts',
  'test/core/transfer/export-file.test.ts',
  'test/main/provisioning.test.ts',
  'test/main/shell.test.ts',
  'test/main/start-full-disk.test.ts',
]

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Two files at a time on CI's two cores: most files wait on Chromium, a child process, SQLite's
    // fsync or the loopback backend for much of their run, and a loaded CPU shares itself per process.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: [NODE_TESTS],
          exclude: ISOLATED_NODE_TESTS,
          environment: 'node',
          testTimeout: 30_000,
          // These files share their worker process: loading the core, SQLite, sharp and pdf-lib once
          // per worker instead of once per file was a third of the suite's CPU. Each test still opens
          // its own database, keychain entry, backend and temporary folder.
          isolate: false,
        },
      },
      {
        test: {
          name: 'node-isolated',
          include: ISOLATED_NODE_TESTS,
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts'],
          environment: 'happy-dom',
          // A hang detector, not a speed limit: the first mount of the whole desk in a file compiles
          // every component, which took over vitest's 5 s default on a loaded machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits for the page or the core to get there; its default of 1 s timed out on a
          // loaded CPU (an enrollment round trip took longer). A guard, not a timing: it returns as
          // soon as the assertion holds.
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
})
