import type { RecordProblem, TransferSummary } from '../../../src/domain/sync/queue'
import type { Core } from '../core'
import { COST, ExportWriter, type ScryptCost } from './format'
import { assertStrongPassphrase } from './passphrase-strength'
import type { ExportEnd, ExportedRecord } from './record'

interface Row {
  client_id: string
  state: string
  captured_at: string
  created_at: string
  server_id: string | null
  attempts: number
  last_error: string | null
}

/**
 * "Export": every record not yet submitted, with its documents, into one file encrypted with the
 * admin's passphrase, for a desk that will not be online again before its data must move. The
 * records stay in this desk's queue: if both desks end up sending one, the backend sees the same
 * clientId with the same body, and creates it once.
 */
export async function exportQueue(
  core: Core,
  path: string,
  passphrase: string,
  /** The key's scrypt cost; tests not about it pass the cheapest a reader accepts (MIN_COST). */
  cost: ScryptCost = COST,
): Promise<TransferSummary> {
  const { deskId, eventName, deskContact } = core.settings.get()
  assertStrongPassphrase(passphrase, [deskId, eventName, deskContact])
  // A record caught between its POST and its submit would be exported as unsent while it is being sent.
  return core.sync.pausedDuring(() => writeExport(core, path, passphrase, cost))
}

async function writeExport(
  core: Core,
  path: string,
  passphrase: string,
  cost: ScryptCost,
): Promise<TransferSummary> {
  const { db, outbox, registrations, documents, vault, settings } = core
  const rows = db
    .prepare(
      `SELECT client_id, state, captured_at, created_at, server_id, attempts, last_error FROM registrations
       WHERE state NOT IN ('draft', 'submitted') ORDER BY captured_at`,
    )
    .all() as Row[]
  const writer = await ExportWriter.create(path, passphrase, cost)
  let documentCount = 0
  try {
    for (const row of rows) {
      const clientId = row.client_id
      const captured = registrations.read(clientId)
      const docs = documents.list(clientId)
      const record: ExportedRecord = {
        clientId,
        needsAttention: row.state === 'needs_attention',
        capturedAt: row.captured_at,
        createdAt: row.created_at,
        captured,
        requestBody: outbox.body(clientId, settings.get().deskId).toString('utf8'),
        serverId: row.server_id,
        attempts: row.attempts,
        lastError: row.last_error ? (JSON.parse(row.last_error) as RecordProblem) : null,
        problem: outbox.problemOf(clientId),
        emailVerification: outbox.verifications.proofFor(clientId, captured.student.email),
        documents: docs.map(({ id: _id, ...doc }) => doc),
      }
      await writer.frame(Buffer.from(JSON.stringify(record)))
      for (const doc of docs) {
        await writer.frame(await vault.read(doc.id))
        documentCount++
      }
    }
    const end: ExportEnd = { end: true, records: rows.length, documents: documentCount }
    await writer.frame(Buffer.from(JSON.stringify(end)))
    await writer.finish()
  } catch (error) {
    await writer.abandon()
    throw error
  }
  return { records: rows.length, documents: documentCount, skipped: 0, conflicts: [] }
}
