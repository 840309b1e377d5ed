import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'

/**
 * The desk's folder and files are for the desk's account only: 0700 and 0600, set again on every
 * start, since mkdir's and open's modes apply only to what they create (a folder made by an older
 * Guichet, an installer or a copy keeps 0755). Windows has no such modes: the profile's ACLs already
 * keep LocalAppData to its user, and chmod there only toggles read-only, so nothing is done.
 */
const applies = process.platform !== 'win32'

/** `create: false` only tightens a folder that exists. */
export function privateFolder(path: string, { create = true } = {}): void {
  if (create) mkdirSync(path, { recursive: true, mode: 0o700 })
  else if (!existsSync(path)) return
  if (applies) chmodSync(path, 0o700)
}

/**
 * Makes sure `path` exists and is 0600 before SQLite opens it: SQLite creates the -wal and -shm
 * files with the mode of the database file, so they follow. Existing ones are set too.
 */
export function privateFile(path: string, ...companions: string[]): void {
  closeSync(openSync(path, 'a', 0o600))
  if (!applies) return
  for (const file of [path, ...companions]) if (existsSync(file)) chmodSync(file, 0o600)
}
