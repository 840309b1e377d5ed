import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../../src/domain/result'
import { seal } from '../crypto/aead'
import { sealDocumentMeta } from '../registrations/document-meta'
import { sealDocumentIds } from '../registrations/record-documents'
import { sealJson } from '../registrations/sealed-json'
import { problemInClear } from '../sync/failure'
import type { ExportedRecord } from '../transfer/record'
import { bodyAad, problemAad } from './sealing'
import type { Verifications } from './verifications'

/**
 * Takes in a record exported by another desk, its documents already in the vault under
 * `documentIds` (in the record's order), with its clientId and its frozen body. Returns false,
 * changing nothing, when this desk already holds the clientId; throws `email_on_desk` when another
 * record here has the same e-mail address.
 */
export function adoptRecord(
  parts: { db: Database; key: Uint8Array; verifications: Verifications; emailKey: (email: string) => Buffer },
  record: ExportedRecord,
  documentIds: readonly string[],
  at: string,
): boolean {
  const { db, key } = parts
  const { clientId } = record
  const emailKey = parts.emailKey(record.captured.student.email)
  const lastError = record.lastError && problemInClear(record.lastError.code)
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM registrations WHERE client_id = ?').get(clientId)) return false
    if (db.prepare('SELECT 1 FROM registrations WHERE email_key = ?').get(emailKey)) {
      throw new GuichetFailure(
        'email_on_desk',
        'Another registration on this desk has the same e-mail address.',
      )
    }
    db.prepare(
      `INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at, captured_at,
         attempts, last_error, server_id, request_body, problem, documents_seal)
       VALUES (@clientId, @state, @payload, @emailKey, @createdAt, @now, @capturedAt, @attempts, @lastError,
         @serverId, @body, @problem, @documents)`,
    ).run({
      clientId,
      state: record.needsAttention ? 'needs_attention' : 'queued',
      payload: sealJson(key, record.captured, clientId),
      emailKey,
      createdAt: record.createdAt,
      now: at,
      capturedAt: record.capturedAt,
      attempts: record.attempts,
      lastError: lastError && JSON.stringify(lastError),
      serverId: record.serverId,
      body: seal(key, Buffer.from(record.requestBody), bodyAad(clientId)),
      problem: record.problem && sealJson(key, record.problem, problemAad(clientId)),
      documents: sealDocumentIds(key, clientId, documentIds),
    })
    const insert = db.prepare(
      `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, checked, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    record.documents.forEach((doc, i) => {
      const id = documentIds[i] ?? ''
      const { kind, mediaType, size, sha256, fileName, pages, width, height } = doc
      const meta = sealDocumentMeta(
        key,
        { id, clientId, kind, mediaType, size, sha256 },
        { fileName, pages, width, height },
      )
      insert.run(id, clientId, kind, meta, mediaType, size, sha256, doc.checked ? 1 : 0, at)
    })
    if (record.emailVerification) {
      parts.verifications.record(clientId, record.captured.student.email, record.emailVerification)
    }
    return true
  })()
}
