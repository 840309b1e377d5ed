// `npm start`: the desk app from this checkout, in Electron. Checks for the Electron binary first
// (one clear line when it is missing), builds better-sqlite3 for Electron once, bundles, launches.
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronVersion, findElectron } from './electron-binary.mjs'
import { ensureElectronSqlite } from './native-electron.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

const { binary: electron, missing } = findElectron(root)
if (!electron) {
  console.error(`Guichet cannot start: ${missing}.`)
  process.exit(1)
}

const sqliteBinding = ensureElectronSqlite(root, electronVersion(root))
execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
})

const env = { ...process.env, GUICHET_SQLITE_BINDING: sqliteBinding }
// Set by some terminals (VS Code's among them); it would make Electron run as plain Node.
delete env.ELECTRON_RUN_AS_NODE
const app = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal))
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
