// Where the Electron binary of this checkout is, without ever letting the electron package's own
// index.js run: that one starts a download when the binary is missing, which fails on machines
// without access to Electron's releases (CI, offline desks) in a long and confusing way.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The executable `require('electron')` would name: node_modules/electron/path.txt names it inside
 * dist/, or inside ELECTRON_OVERRIDE_DIST_PATH when that is set. When it is absent, `missing` is the
 * one line that says so and what to do.
 * @param {string} root the project directory
 * @returns {{ binary: string, missing?: undefined } | { binary?: undefined, missing: string }}
 */
export function findElectron(root) {
  const pathFile = join(root, 'node_modules/electron/path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const binary = override
    ? join(override, name ?? 'electron')
    : name && join(root, 'node_modules/electron/dist', name)
  if (binary && existsSync(binary)) return { binary }
  const where = override ? `${binary} does not exist` : 'no Electron in node_modules/electron/dist'
  return {
    missing:
      `the Electron binary is not installed (${where}): run \`npx install-electron\` on a machine that can ` +
      'download Electron, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron',
  }
}

/**
 * @param {string} root the project directory
 * @returns {string} the version of the electron package installed (the binary's version)
 */
export function electronVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
}
