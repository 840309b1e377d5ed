import type { Database } from 'better-sqlite3'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import type { DocumentKind } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import { open, seal } from '../crypto/aead'

/**
 * What a document row says in clear, for SQLite to search and count and for the sync's URLs and
 * headers. Someone who can write the database file but not read the keychain can change any of it
 * (move a passport to another student's record, say), so none of it is believed until the sealed
 * metadata vouches for it.
 */
export interface DocumentColumns {
  id: string
  clientId: string
  kind: DocumentKind
  mediaType: DocumentSummary['mediaType']
  size: number
  sha256: string
}

/** What only the sealed metadata holds: the file name can hold the student's name. */
export type DocumentDetails = Pick<DocumentSummary, 'fileName' | 'pages' | 'width' | 'height'>

type SealedMeta = DocumentDetails & Omit<DocumentColumns, 'id'>

/**
 * The metadata is bound to its row's id (the AAD), and carries a copy of every other column, compared
 * on each read: a record, a kind, a digest or a size that differs from what was sealed is refused.
 * The vault file is bound to the id (vault.ts) and the id to its record here, so the chain file → id →
 * record already holds; binding the file to the record too would add no check, and would tie a scan's
 * file to a record it can never leave (an import writes new files anyway).
 * The prefix keeps these apart from the first format, sealed for the bare id: a row sealed that way
 * does not open here, whatever its columns say (see bind-legacy-documents.ts).
 */
const aad = (id: string): Buffer => Buffer.from(`guichet-document-meta:${id}`)

export function sealDocumentMeta(
  key: Uint8Array,
  columns: DocumentColumns,
  details: DocumentDetails,
): Buffer {
  const { id, clientId, kind, mediaType, size, sha256 } = columns
  const { fileName, pages, width, height } = details
  const meta: SealedMeta = { fileName, pages, width, height, clientId, kind, mediaType, size, sha256 }
  return seal(key, Buffer.from(JSON.stringify(meta)), aad(id))
}

/** What was sealed with the row `id`; `decrypt_failed` when it does not open (altered, another key, another row's). */
function sealedMeta(key: Uint8Array, sealed: Uint8Array, id: string): Partial<SealedMeta> {
  return JSON.parse(open(key, sealed, aad(id)).toString('utf8')) as Partial<SealedMeta>
}

const BOUND = ['clientId', 'kind', 'mediaType', 'size', 'sha256'] as const

/**
 * The details sealed with a document, once its columns are found to be the ones sealed with it.
 * `decrypt_failed` when the metadata does not open; `document_altered` when a column says otherwise.
 */
export function openDocumentMeta(
  key: Uint8Array,
  sealed: Uint8Array,
  columns: DocumentColumns,
): DocumentDetails {
  const meta = sealedMeta(key, sealed, columns.id)
  if (BOUND.some((column) => meta[column] !== columns[column])) throw documentAltered()
  const { fileName = '', pages, width, height } = meta
  return {
    fileName,
    ...(pages !== undefined && { pages }),
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
  }
}

/**
 * Before a record's document rows go (a discard, a draft thrown away or replaced, a record made a draft
 * again, whose scans can then be removed): a scan sealed for another record of this desk, moved here in
 * the file, goes back to that record as it was sealed, so it is not lost with this one; that record's
 * own list of scans (record-documents.ts) then holds again. Returns the ids of the rows that stay with
 * this record. One whose metadata does not open says nothing of where it belongs, and stays.
 */
export function returnMovedDocuments(db: Database, key: Uint8Array, clientId: string): string[] {
  const rows = db.prepare('SELECT id, meta FROM documents WHERE client_id = ?').all(clientId) as {
    id: string
    meta: Buffer
  }[]
  const exists = db.prepare('SELECT 1 FROM registrations WHERE client_id = ?').pluck()
  const putBack = db.prepare(
    'UPDATE documents SET client_id = ?, kind = ?, media_type = ?, size = ?, sha256 = ? WHERE id = ?',
  )
  const stay: string[] = []
  for (const { id, meta } of rows) {
    let sealed: Partial<SealedMeta>
    try {
      sealed = sealedMeta(key, meta, id)
    } catch (error) {
      if (!(error instanceof GuichetFailure && error.code === 'decrypt_failed')) throw error
      stay.push(id)
      continue
    }
    const { clientId: owner, kind, mediaType, size, sha256 } = sealed
    if (owner === clientId || owner === undefined || !exists.get(owner)) stay.push(id)
    else putBack.run(owner, kind, mediaType, size, sha256, id)
  }
  return stay
}

export function documentAltered(): GuichetFailure {
  return new GuichetFailure(
    'document_altered',
    'A scan of this registration is not the one sealed with it (the desk database was changed ' +
      'outside Guichet): the registration is not sent, and nothing was deleted. Contact support with ' +
      'the reference.',
  )
}
