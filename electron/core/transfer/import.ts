import { createHash } from 'node:crypto'
import { referenceOf } from '../../../src/domain/queue/reference'
import { GuichetFailure, type FieldError } from '../../../src/domain/result'
import type { TransferSummary } from '../../../src/domain/sync/queue'
import type { Core } from '../core'
import { checkRecord } from './check-record'
import { ExportReader } from './format'
import type { ExportEnd, ExportedRecord } from './record'

/**
 * "Import": puts the records of another desk's export into this desk's outbox with their
 * clientIds, so nothing can be created twice. The file is read twice: first every record is checked
 * as if typed here (check-record.ts), and one that fails refuses the whole file with a reason per
 * record; then the records are taken in. A record this desk already holds is left as it is, which
 * makes importing the same file twice harmless.
 */
export async function importQueue(core: Core, path: string, passphrase: string): Promise<TransferSummary> {
  const { outbox, vault } = core
  const reader = await ExportReader.open(path, passphrase)
  const summary: TransferSummary = { records: 0, documents: 0, skipped: 0, conflicts: [] }
  try {
    const checked = new Map<string, ExportedRecord>()
    const problems: FieldError[] = []
    for await (const { raw, documents } of records(reader)) {
      const result = await checkRecord(raw, documents, core.reference)
      if (!result.record) problems.push(...result.problems)
      else if (checked.has(result.record.clientId)) problems.push(duplicate(result.record.clientId))
      else checked.set(result.record.clientId, result.record)
    }
    if (problems.length) {
      const refused = new Set(problems.map((p) => p.path.split('.')[0])).size
      throw new GuichetFailure(
        'import_refused',
        `${refused} registration(s) in this file fail this desk's checks; nothing was imported.`,
        problems.slice(0, 200),
      )
    }
    reader.rewind()
    for await (const { raw, documents } of records(reader)) {
      const record = checked.get((raw as ExportedRecord).clientId)
      if (!record) throw damaged()
      const known = outbox.stateOf(record.clientId) !== undefined
      const ids: string[] = []
      try {
        if (!known) for (const bytes of documents) ids.push(await vault.put(bytes))
        if (known || !outbox.adopt(record, ids)) {
          summary.skipped++
          await Promise.all(ids.map((id) => vault.delete(id)))
          continue
        }
      } catch (error) {
        await Promise.all(ids.map((id) => vault.delete(id)))
        if (!(error instanceof GuichetFailure && error.code === 'email_on_desk')) throw error
        summary.conflicts.push(referenceOf(record.clientId))
        continue
      }
      summary.records++
      summary.documents += ids.length
    }
  } finally {
    await reader.close()
  }
  core.sync.kick()
  return summary
}

/** Each record's frame with its documents' bytes; the end frame's counts must match what came. */
async function* records(reader: ExportReader): AsyncGenerator<{ raw: unknown; documents: Buffer[] }> {
  let seen = 0
  let seenDocuments = 0
  for (;;) {
    const frame = parse(await reader.frame())
    if ('end' in frame) {
      if (frame.records !== seen || frame.documents !== seenDocuments) throw damaged()
      return
    }
    seen++
    const announced = Array.isArray(frame.documents) ? frame.documents : []
    if (announced.length > 16) throw damaged()
    const documents: Buffer[] = []
    for (const doc of announced) {
      const bytes = await reader.frame()
      seenDocuments++
      if (createHash('sha256').update(bytes).digest('hex') !== doc?.sha256) throw damaged()
      documents.push(bytes)
    }
    yield { raw: frame, documents }
  }
}

function parse(bytes: Buffer): Partial<ExportedRecord> | ExportEnd {
  try {
    const frame = JSON.parse(bytes.toString('utf8')) as unknown
    if (frame && typeof frame === 'object' && !Array.isArray(frame)) return frame
  } catch {
    // Below: a frame that decrypted but is not a JSON object was not written by a desk.
  }
  throw damaged()
}

const duplicate = (clientId: string): FieldError => ({
  path: referenceOf(clientId),
  code: 'duplicate_record',
  message: 'The file holds this registration twice.',
})

const damaged = () =>
  new GuichetFailure('export_damaged', 'The export file was altered or damaged; nothing more was read.')
