import { referenceOf } from '../../../src/domain/queue/reference'
import { GuichetFailure } from '../../../src/domain/result'
import { audited } from '../audit/audited-transfer'
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { exportQueue } from '../transfer/export'
import { importQueue } from '../transfer/import'
import type { TransferGrants } from '../transfer/transfer-grants'

type SyncChannel =
  | 'getSyncStatus'
  | 'setDeskToken'
  | 'testConnection'
  | 'listQueue'
  | 'queueCounts'
  | 'retryNow'
  | 'pauseSync'
  | 'resumeSync'
  | 'discardRecord'
  | 'reopenForCorrection'
  | 'sendVerificationCode'
  | 'confirmVerificationCode'
  | 'exportQueue'
  | 'importQueue'

/** The queue screen's and the sync settings' channels. Admin-only ones are gated by dispatch. */
export function syncHandlers(core: Core, transferGrants: TransferGrants): Pick<Handlers, SyncChannel> {
  const { outbox, sync, vault } = core
  return {
    getSyncStatus: () => sync.status(),
    setDeskToken: async ({ token }) => {
      await core.deskToken.set(token)
      sync.tokenChanged()
      return { tokenSet: true }
    },
    testConnection: () => sync.testConnection(),
    // A student's details leave the core only for a signed-in person at an open screen (9.14).
    listQueue: async (query) => {
      const page = outbox.list(query)
      if (await core.session.namesVisible()) return { ...page, namesHidden: false }
      const items = page.items.map((item) => ({ ...item, name: null, email: null, phone: null }))
      return { ...page, items, namesHidden: true }
    },
    queueCounts: () => outbox.counts(),
    retryNow: ({ clientId }) => {
      sync.retryNow(clientId)
      return null
    },
    pauseSync: () => sync.pause(),
    resumeSync: () => sync.resume(),
    discardRecord: async ({ clientId, reference }) => {
      // A record under way may already be held by the backend, whatever its state in SQLite says.
      if (sync.isBusy(clientId)) {
        throw new GuichetFailure(
          'record_busy',
          'This registration is being sent right now; try again in a moment.',
        )
      }
      await Promise.all(outbox.discard(clientId, reference).map((id) => vault.delete(id)))
      core.audit.record({ action: 'record_discarded', subject: referenceOf(clientId) })
      return null
    },
    // The answer carries the backend's complaints about the student's data.
    reopenForCorrection: ({ clientId }) => {
      core.session.assertOpen()
      const correction = outbox.reopenForCorrection(clientId)
      core.audit.record({ action: 'record_corrected', subject: referenceOf(clientId) })
      return correction
    },
    sendVerificationCode: ({ email }) => core.emailVerification.send(email),
    confirmVerificationCode: ({ clientId, id, code }) => core.emailVerification.confirm(clientId, id, code),
    // Only a file the admin chose in the host's dialog: a page naming a path overwrites nothing.
    exportQueue: ({ path, passphrase }) => {
      transferGrants.assert('save', path)
      return audited('export', exportQueue)(core, path, passphrase)
    },
    importQueue: ({ path, passphrase }) => {
      transferGrants.assert('open', path)
      return audited('import', importQueue)(core, path, passphrase)
    },
  }
}
