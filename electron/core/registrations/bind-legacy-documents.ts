import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../../src/domain/result'
import { eraseFreed } from '../db/erase'
import { sealDocumentMeta, type DocumentColumns, type DocumentDetails } from './document-meta'
import { sealDocumentIds } from './record-documents'
import { openJson } from './sealed-json'

interface FirstWayRow extends DocumentColumns {
  meta: Buffer
}

/**
 * Seals again, bound to their record, the document rows a desk sealed before migration 0008 (for the
 * bare id; a fair's laptop may hold hundreds of unsent records when it is updated), and seals each
 * queued record's list of documents (record-documents.ts). Run at every start once the key is known,
 * before anything reads a document: it finds nothing after the first time.
 *
 * All rows in one transaction, so a crash half-way leaves every row as it was and the next start does
 * it again; nothing captured is lost either way. A row that does not open the first way stays as it
 * is, to be tried again at the next start: it may have been sealed under the key the keychain held
 * before (a keychain entry restored late), and marking it done would lose that scan for good. Its reads
 * judge it meanwhile (document-meta.ts), as they judge any row: they never accept the first way, so
 * marking a bound row as first-way again passes nothing, and the first-way metadata this replaces is
 * erased from the WAL, where someone with the file could have taken it to put back later.
 *
 * What this trusts is the columns as they stand at the upgrade: a row moved before it, in a database
 * never bound, is bound where it was moved (SECURITY.md says so).
 */
export function bindLegacyDocuments(db: Database, key: Uint8Array): number {
  const select = db.prepare(
    `SELECT id, client_id AS clientId, kind, meta, media_type AS mediaType, size, sha256 FROM documents
     INDEXED BY documents_sealed_first_way WHERE meta_format = 1`,
  )
  const update = db.prepare('UPDATE documents SET meta = ?, meta_format = 2 WHERE id = ?')
  const bound = db
    .transaction(() => {
      const records = new Map<string, string[]>()
      for (const { meta, ...columns } of select.all() as FirstWayRow[]) {
        const details = openedTheFirstWay(key, meta, columns.id)
        if (!details) continue
        update.run(sealDocumentMeta(key, columns, details), columns.id)
        records.set(columns.clientId, [...(records.get(columns.clientId) ?? []), columns.id])
      }
      listDocuments(db, key, records)
      return [...records.values()].reduce((sum, ids) => sum + ids.length, 0)
    })
    .immediate()
  if (bound) eraseFreed(db)
  return bound
}

/**
 * A queued record gets its list only when every document it holds was just bound from the first way:
 * after the upgrade none opens that way any more, so clearing a record's list in the file never gets
 * it a new one made from its rows as they stand then; the record waits for a person instead.
 */
function listDocuments(db: Database, key: Uint8Array, bound: ReadonlyMap<string, readonly string[]>): void {
  const held = db.prepare('SELECT count(*) FROM documents WHERE client_id = ?').pluck()
  const list = db.prepare(
    `UPDATE registrations SET documents_seal = ?
     WHERE client_id = ? AND documents_seal IS NULL AND state NOT IN ('draft', 'submitted')`,
  )
  for (const [clientId, ids] of bound) {
    if (held.get(clientId) === ids.length) list.run(sealDocumentIds(key, clientId, ids), clientId)
  }
}

function openedTheFirstWay(key: Uint8Array, meta: Buffer, id: string): DocumentDetails | null {
  try {
    const { fileName, pages, width, height } = openJson<DocumentDetails>(key, meta, id)
    return { fileName, pages, width, height }
  } catch (error) {
    if (error instanceof GuichetFailure && error.code === 'decrypt_failed') return null
    throw error
  }
}
