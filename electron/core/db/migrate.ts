import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../../src/domain/result'
import type { Migration } from './migration'

/**
 * Brings the schema to the last migration in one transaction: a crash half-way leaves the file at
 * the version it had, never in between. A file from a newer Guichet is refused, not touched.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertOrdered(migrations)
  const from = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (from > latest) {
    throw new GuichetFailure(
      'database_too_new',
      `This database was written by a newer Guichet (schema ${from}, this one knows up to ${latest}). ` +
        'Install the newer Guichet on this desk; the data was left untouched.',
    )
  }
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from }
  db.transaction(() => {
    for (const m of pending) m.up(db)
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return { from, to: latest }
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`)
  })
}
