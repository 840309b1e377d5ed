import type { Database } from 'better-sqlite3'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import type { DocumentKind } from '../../../src/domain/queue/states'
import { open, seal } from '../crypto/aead'
import { statement } from '../db/statements'
import type { CapturedRegistration } from '../registrations/repository'
import { openDocumentMeta, type DocumentColumns } from '../registrations/document-meta'
import { assertDocumentIds } from '../registrations/record-documents'
import { openJson } from '../registrations/sealed-json'
import { buildRequestBody, type EmailVerificationProof } from './request-body'
import { bodyAad } from './sealing'
import type { Verifications } from './verifications'

/** A document as the sync sends it: the vault id to read its bytes, and what the URL and headers say. */
export interface OutgoingDocument {
  id: string
  sha256: string
  mediaType: DocumentSummary['mediaType']
  size: number
}

export interface BodyRow {
  client_id: string
  payload: Buffer
  captured_at: string
  attempts: number
  request_body: Buffer | null
  /** The record's documents as sealed when it was queued (record-documents.ts). */
  documents_seal: Buffer | null
}

/** A document of the record, its columns vouched for by its sealed metadata. */
export interface DocumentRow extends OutgoingDocument {
  kind: DocumentKind
  fileName: string
}

/**
 * A record's POST body: built from the sealed capture on its first try, then kept sealed, so every
 * retry (and every desk that imports the record) sends the very bytes the backend compares against
 * the Idempotency-Key.
 */
export class FirstBody {
  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly verifications: Verifications,
  ) {}

  /** The kept body, or the one built and kept now (call inside the transaction that reads `row`). */
  kept(row: BodyRow, documents: DocumentRow[], deskId: string): Buffer {
    if (row.request_body) return open(this.key, row.request_body, bodyAad(row.client_id))
    const body = this.build(row, documents, deskId)
    statement(this.db, 'UPDATE registrations SET request_body = ? WHERE client_id = ?').run(
      seal(this.key, body, bodyAad(row.client_id)),
      row.client_id,
    )
    return body
  }

  /**
   * The record's documents, read on every claim, with or without a kept body: what goes out (which
   * scans, their URLs, sizes and types) is only what was sealed with this record, and all of it.
   * `document_altered` or `decrypt_failed` otherwise.
   */
  documents({
    client_id: clientId,
    documents_seal,
  }: Pick<BodyRow, 'client_id' | 'documents_seal'>): DocumentRow[] {
    const rows = statement(
      this.db,
      'SELECT id, client_id AS clientId, kind, meta, sha256, media_type AS mediaType, size FROM documents WHERE client_id = ? ORDER BY added_at, rowid',
    ).all(clientId) as (DocumentColumns & { meta: Buffer })[]
    assertDocumentIds(
      this.key,
      clientId,
      documents_seal,
      rows.map((row) => row.id),
    )
    return rows.map(({ meta, ...columns }) => {
      const { id, kind, sha256, mediaType, size } = columns
      return {
        id,
        kind,
        sha256,
        mediaType,
        size,
        fileName: openDocumentMeta(this.key, meta, columns).fileName,
      }
    })
  }

  private build(row: BodyRow, documents: DocumentRow[], deskId: string): Buffer {
    const captured = openJson<CapturedRegistration>(this.key, row.payload, row.client_id)
    const proof: EmailVerificationProof | null = this.verifications.proofFor(
      row.client_id,
      captured.student.email,
    )
    return buildRequestBody({
      clientId: row.client_id,
      capturedAt: row.captured_at,
      captured,
      deskId,
      documents,
      emailVerification: proof,
    })
  }
}
