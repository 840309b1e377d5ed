import type { Database } from 'better-sqlite3'

/** The settings table holds JSON documents under a key each: the desk's settings, the sync's state. */
export function readDocument(db: Database, key: string): unknown {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined
  return value === undefined ? undefined : JSON.parse(value)
}

export function writeDocument(db: Database, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value))
}
