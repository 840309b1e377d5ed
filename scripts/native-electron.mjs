// better-sqlite3 built for Electron's ABI, kept beside (never instead of) the Node build that the
// tests load: `npm start` and `npm test` then work in either order. keytar and sharp need nothing:
// they are N-API modules, which load in Node and Electron alike.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, sep } from 'node:path'

/**
 * Path of better_sqlite3.node for this Electron, built once per Electron and better-sqlite3 version
 * in node_modules/.cache/guichet-native/ (a fresh `npm ci` starts clean).
 * @param {string} root the project directory
 * @param {string} electron the Electron version
 * @returns {string}
 */
export function ensureElectronSqlite(root, electron) {
  const source = join(root, 'node_modules/better-sqlite3')
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'))
  const target = join(
    root,
    'node_modules/.cache/guichet-native',
    `electron-${electron}`,
    `better-sqlite3-${version}`,
  )
  const binding = join(target, 'better_sqlite3.node')
  if (existsSync(binding)) return binding

  console.error(
    `Building better-sqlite3 ${version} for Electron ${electron} (once per version, a minute or two)...`,
  )
  const work = mkdtempSync(join(tmpdir(), 'guichet-sqlite-electron-'))
  try {
    // Without build/: the Node build in it stays where it is, and its objects would be reused.
    const nodeBuild = join(source, 'build')
    cpSync(source, work, {
      recursive: true,
      filter: (path) => path !== nodeBuild && !path.startsWith(nodeBuild + sep),
    })
    // The compiler's chatter is kept for a failure, where it is the explanation.
    const build = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${electron}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        // Where @electron/rebuild keeps Electron's headers too: one download serves both.
        `--devdir=${join(homedir(), '.electron-gyp')}`,
      ],
      { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    )
    if (build.status !== 0) {
      throw new Error(
        `node-gyp could not build better-sqlite3 for Electron ${electron}:\n${build.stderr || build.error}`,
      )
    }
    mkdirSync(target, { recursive: true })
    // Renamed into place whole, so an interrupted copy never leaves a half-written binding behind.
    copyFileSync(join(work, 'build/Release/better_sqlite3.node'), `${binding}.partial`)
    renameSync(`${binding}.partial`, binding)
    return binding
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
