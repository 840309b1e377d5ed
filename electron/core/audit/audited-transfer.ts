import type { TransferSummary } from '../../../src/domain/sync/queue'
import type { Core } from '../core'

type Transfer = (core: Core, path: string, passphrase: string) => Promise<TransferSummary>

/** An export or import, from the settings screen or the CLI, leaves counts in the audit log (no path). */
export const audited =
  (action: 'export' | 'import', transfer: Transfer): Transfer =>
  async (core, path, passphrase) => {
    const summary = await transfer(core, path, passphrase)
    const { records, documents, skipped } = summary
    core.audit.record({ action, detail: { records, documents, skipped } })
    return summary
  }
