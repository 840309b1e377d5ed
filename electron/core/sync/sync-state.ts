import type { Database } from 'better-sqlite3'
import { readDocument, writeDocument } from '../settings-table'

/** What the sync remembers across restarts: the operator's pause, a refused token, the last good sync. */
export interface PersistedSyncState {
  paused: boolean
  unauthorized: boolean
  lastSyncAt: string | null
}

const KEY = 'sync'
const INITIAL: PersistedSyncState = { paused: false, unauthorized: false, lastSyncAt: null }

/** Kept in the settings table, under its own key, beside (not inside) the admin's settings. */
export class SyncStateStore {
  constructor(private readonly db: Database) {}

  get(): PersistedSyncState {
    return { ...INITIAL, ...(readDocument(this.db, KEY) as Partial<PersistedSyncState> | undefined) }
  }

  update(patch: Partial<PersistedSyncState>): PersistedSyncState {
    const next = { ...this.get(), ...patch }
    writeDocument(this.db, KEY, next)
    return next
  }
}
