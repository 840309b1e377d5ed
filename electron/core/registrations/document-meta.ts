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

/**
 * The details sealed with a document, once its columns are found to be the ones sealed with it.
 * `decrypt_failed` when the metadata does not open (altered, another key, another row's);
 * `document_altered` when it opens but a column says otherwise.
 */
export function openDocumentMeta(
  key: Uint8Array,
  sealed: Uint8Array,
  columns: DocumentColumns,
): DocumentDetails {
  const meta = JSON.parse(open(key, sealed, aad(columns.id)).toString('utf8')) as Partial<SealedMeta>
  const bound: (keyof Omit<DocumentColumns, 'id'>)[] = ['clientId', 'kind', 'mediaType', 'size', 'sha256']
  if (bound.some((column) => meta[column] !== columns[column])) throw documentAltered()
  const { fileName = '', pages, width, height } = meta
  return {
    fileName,
    ...(pages !== undefined && { pages }),
    ...(width !== undefined && { width }),
    ...(height !== undefined && { height }),
  }
}

/**
 * The ids of a record's documents, before the record becomes a draft again or goes: a scan sealed for
 * another record (moved here in the file) would go with it, and its own record lose it for good, so
 * that is `document_altered` and the caller changes nothing. One whose metadata does not open at all
 * says nothing of where it belongs, and goes with the record.
 */
export function ownDocumentIds(db: Database, key: Uint8Array, clientId: string): string[] {
  const rows = db
    .prepare(
      'SELECT id, client_id AS clientId, kind, meta, media_type AS mediaType, size, sha256 FROM documents WHERE client_id = ?',
    )
    .all(clientId) as (DocumentColumns & { meta: Buffer })[]
  for (const { meta, ...columns } of rows) {
    try {
      openDocumentMeta(key, meta, columns)
    } catch (error) {
      if (!(error instanceof GuichetFailure && error.code === 'decrypt_failed')) throw error
    }
  }
  return rows.map((row) => row.id)
}

export function documentAltered(): GuichetFailure {
  return new GuichetFailure(
    'document_altered',
    'A scan of this registration is not the one sealed with it (the desk database was changed ' +
      'outside Guichet): the registration is not sent, and nothing was deleted. Contact support with ' +
      'the reference.',
  )
}
