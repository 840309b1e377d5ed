import type { Configuration } from 'electron-builder'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

export const projectDir = resolve(import.meta.dirname, '../..')

/** The installer configuration exactly as `npm run dist:*` loads it. */
export function loadBuilderConfig(): Configuration {
  return createRequire(import.meta.url)(join(projectDir, 'electron-builder.config.cjs')) as Configuration
}

const bundles = [
  'out/main/index.js',
  'out/main/upload-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
]

/** The packaged app is what `electron-vite build` wrote: build it when a test run comes first. */
export function ensureBuilt(): void {
  if (bundles.every((file) => existsSync(join(projectDir, file)))) return
  try {
    const cli = join(projectDir, 'node_modules/electron-vite/bin/electron-vite.js')
    execFileSync(process.execPath, [cli, 'build'], { cwd: projectDir, stdio: 'pipe' })
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error)
    throw new Error(
      `out/ is missing and \`electron-vite build\` failed, so there is no app to package:\n${stderr}`,
    )
  }
}
