// Before the tests and benches: better-sqlite3 must load in this Node. `npm run dist:*` rebuilds it
// in place for Electron (electron-builder's npmRebuild), which would make every core test fail on
// NODE_MODULE_VERSION; this puts the Node build back. Silent when there is nothing to do.
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** @returns {string | undefined} why better-sqlite3 does not load in this Node, if it does not */
function loadFailure() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  })
  if (probe.status === 0) return undefined
  const lines = probe.stderr.split('\n')
  return (
    lines.find((line) => line.includes('NODE_MODULE_VERSION')) ??
    lines.find(Boolean) ??
    'unknown error'
  ).trim()
}

const failure = loadFailure()
if (failure) {
  console.error(
    `better-sqlite3 does not load in Node ${process.version} (${failure}); rebuilding it for Node...`,
  )
  execFileSync('npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32', // npm is npm.cmd there
  })
  const still = loadFailure()
  if (still) {
    console.error(`better-sqlite3 still does not load after \`npm rebuild better-sqlite3\`: ${still}`)
    process.exit(1)
  }
}
