import type { Database } from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppInfo } from '../../src/domain/ipc/contract'
import { openDatabase } from './db/open'
import { DeskEventBus } from './events'
import { DocumentVault } from './documents/vault'
import { loadReferenceData, type ReferenceData } from './reference-data'
import { Documents } from './registrations/documents'
import { Registrations } from './registrations/repository'
import { dataKey, osKeychain, type SecretStore } from './secrets'
import { SettingsStore } from './settings-store'

export interface CoreOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
  /** Where resources/ is: the project's in development, process.resourcesPath's in an installed app. */
  resourcesDir: string
  secrets?: SecretStore
  nativeBinding?: string
  now?: () => Date
}

/** The desk's engine, the same in Electron's main process, the web host and the admin CLI. */
export interface Core {
  readonly appInfo: AppInfo
  readonly db: Database
  readonly settings: SettingsStore
  readonly registrations: Registrations
  readonly documents: Documents
  readonly vault: DocumentVault
  readonly reference: ReferenceData
  readonly now: () => Date
  readonly events: DeskEventBus
  close(): void
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const now = options.now ?? (() => new Date())
  const key = await dataKey(options.secrets ?? osKeychain(), dataDir)
  const db = openDatabase(join(dataDir, 'guichet.sqlite'), options)
  const vault = new DocumentVault(join(dataDir, 'documents'), key)
  // A crash between writing a scan and committing its row leaves a file nothing references.
  await vault.sweepOrphans(db.prepare('SELECT id FROM documents').pluck().all() as string[])
  return {
    appInfo: { name: 'Guichet', version: options.version, host: options.host, dataDir },
    db,
    settings: new SettingsStore(db),
    registrations: new Registrations(db, key, now),
    documents: new Documents(db, key, now),
    vault,
    reference: loadReferenceData(options.resourcesDir),
    now,
    events: new DeskEventBus(),
    close: () => db.close(),
  }
}
