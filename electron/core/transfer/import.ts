import { createHash } from 'node:crypto'
import { referenceOf } from '../../../src/domain/queue/reference'
import { GuichetFailure } from '../../../src/domain/result'
import type { TransferSummary } from '../../../src/domain/sync/queue'
import type { Core } from '../core'
import { ExportReader } from './format'
import type { ExportEnd, ExportedRecord } from './record'

/**
 * "Import": puts the records of another desk's export into this desk's outbox with their
 * clientIds, so nothing can be created twice. A record this desk already holds is left as it is,
 * which makes importing the same file twice harmless. Records are taken one by one: a file cut
 * short keeps what came before the cut, and says so.
 */
export async function importQueue(core: Core, path: string, passphrase: string): Promise<TransferSummary> {
  const { outbox, vault } = core
  const reader = await ExportReader.open(path, passphrase)
  const summary: TransferSummary = { records: 0, documents: 0, skipped: 0, conflicts: [] }
  let seen = 0
  let seenDocuments = 0
  try {
    for (;;) {
      const frame = JSON.parse((await reader.frame()).toString('utf8')) as ExportedRecord | ExportEnd
      if ('end' in frame) {
        if (frame.records !== seen || frame.documents !== seenDocuments) throw damaged()
        break
      }
      seen++
      const known = outbox.stateOf(frame.clientId) !== undefined
      const ids: string[] = []
      try {
        for (const doc of frame.documents) {
          const bytes = await reader.frame()
          seenDocuments++
          if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) throw damaged()
          if (!known) ids.push(await vault.put(bytes))
        }
        if (known || !outbox.adopt(frame, ids)) {
          summary.skipped++
          await Promise.all(ids.map((id) => vault.delete(id)))
          continue
        }
      } catch (error) {
        await Promise.all(ids.map((id) => vault.delete(id)))
        if (!(error instanceof GuichetFailure && error.code === 'email_on_desk')) throw error
        summary.conflicts.push(referenceOf(frame.clientId))
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

const damaged = () =>
  new GuichetFailure('export_damaged', 'The export file was altered or damaged; nothing more was read.')
