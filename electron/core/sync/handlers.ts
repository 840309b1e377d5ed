import { GuichetFailure } from '../../../src/domain/result'
import type { Core } from '../core'
import type { Handlers } from '../dispatch'
import { exportQueue } from '../transfer/export'
import { importQueue } from '../transfer/import'

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
export function syncHandlers(core: Core): Pick<Handlers, SyncChannel> {
  const { outbox, sync, vault } = core
  return {
    getSyncStatus: () => sync.status(),
    setDeskToken: async ({ token }) => {
      await core.deskToken.set(token)
      sync.tokenChanged()
      return { tokenSet: true }
    },
    testConnection: () => sync.testConnection(),
    listQueue: (query) => outbox.list(query),
    queueCounts: () => outbox.counts(),
    retryNow: ({ clientId }) => {
      sync.retryNow(clientId)
      return null
    },
    pauseSync: () => sync.pause(),
    resumeSync: () => sync.resume(),
    discardRecord: async ({ clientId, reference }) => {
      // Between its POST and its submit a record is awaiting_documents in SQLite but still in flight.
      if (sync.isBusy(clientId)) {
        throw new GuichetFailure(
          'record_busy',
          'This registration is being sent right now; try again in a moment.',
        )
      }
      await Promise.all(outbox.discard(clientId, reference).map((id) => vault.delete(id)))
      return null
    },
    reopenForCorrection: ({ clientId }) => outbox.reopenForCorrection(core.registrations, clientId),
    sendVerificationCode: ({ email }) => core.emailVerification.send(email),
    confirmVerificationCode: ({ clientId, id, code }) => core.emailVerification.confirm(clientId, id, code),
    exportQueue: ({ path, passphrase }) => exportQueue(core, path, passphrase),
    importQueue: ({ path, passphrase }) => importQueue(core, path, passphrase),
  }
}
