import type { Database } from 'better-sqlite3'

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
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
      string | undefined
    return { ...INITIAL, ...(value ? (JSON.parse(value) as Partial<PersistedSyncState>) : {}) }
  }

  update(patch: Partial<PersistedSyncState>): PersistedSyncState {
    const next = { ...this.get(), ...patch }
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(KEY, JSON.stringify(next))
    return next
  }
}
