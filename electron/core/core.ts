import type { Database } from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppInfo } from '../../src/domain/ipc/contract'
import { openDatabase } from './db/open'
import { SettingsStore } from './settings-store'

export interface CoreOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
  nativeBinding?: string
}

/** The desk's engine, the same in Electron's main process, the web host and the admin CLI. */
export interface Core {
  readonly appInfo: AppInfo
  readonly db: Database
  readonly settings: SettingsStore
  close(): void
}

export function openCore(options: CoreOptions): Core {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = openDatabase(join(dataDir, 'guichet.sqlite'), options)
  return {
    appInfo: { name: 'Guichet', version: options.version, host: options.host, dataDir },
    db,
    settings: new SettingsStore(db),
    close: () => db.close(),
  }
}
