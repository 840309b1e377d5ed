import { open, seal } from '../crypto/aead'
import { documentAltered } from './document-meta'

/**
 * Which documents a queued record holds, sealed with it when it is queued (or imported): each row's
 * metadata says which record it belongs to (document-meta.ts), and this says the other way round, so
 * a scan moved out of a record, or deleted, is noticed on that record too, which would otherwise go
 * out without it. A draft has none: its documents come and go until it is queued.
 */
const aad = (clientId: string): Buffer => Buffer.from(`guichet-record-documents:${clientId}`)

const listed = (ids: readonly string[]): string => JSON.stringify([...ids].sort())

export function sealDocumentIds(key: Uint8Array, clientId: string, ids: readonly string[]): Buffer {
  return seal(key, Buffer.from(listed(ids)), aad(clientId))
}

/** `document_altered` when the record's rows are not the documents sealed with it (or none was). */
export function assertDocumentIds(
  key: Uint8Array,
  clientId: string,
  sealed: Uint8Array | null,
  ids: readonly string[],
): void {
  if (!sealed || open(key, sealed, aad(clientId)).toString('utf8') !== listed(ids)) throw documentAltered()
}
