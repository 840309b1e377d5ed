import type { Database } from 'better-sqlite3'
import { readdirSync } from 'node:fs'

/**
 * Tables whose rows hold something only the data key makes sense of: sealed (records, documents'
 * metadata, agents' names), keyed (e-mail proofs) or MACed (the audit log and its anchors). A new
 * key beside any of these rows would make them unreadable or look forged, so while one is there a
 * lost key stops the desk instead. A new table is listed here or, holding nothing under the key, in
 * test/core/db/sealed-data.test.ts, which fails until it is.
 */
export const SEALED_TABLES = [
  'registrations',
  'documents',
  'email_verifications',
  'operators',
  'audit_log',
  'audit_anchors',
] as const

/** Rows under the data key in the database, and sealed scans in the documents folder. */
export function sealedItems(db: Database, documentsDir: string): number {
  const rows = db
    .prepare(`SELECT ${SEALED_TABLES.map((table) => `(SELECT count(*) FROM ${table})`).join(' + ')}`)
    .pluck()
    .get() as number
  return rows + sealedFiles(documentsDir)
}

/** The vault's files: a database emptied or deleted beside them still leaves them under the old key. */
function sealedFiles(dir: string): number {
  try {
    return readdirSync(dir).length
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}
