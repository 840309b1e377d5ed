/**
 * A desk core in a child process, for crash.test.ts to kill. Its key comes from the parent (in place of
 * the OS keychain) so the parent can open the same data after the crash.
 *
 * `pause DATA FILE CLIENT`: takes FILE in as attachFile does, but stops between the vault write and the
 * row commit, printing `written <id>`, and commits only after a line on stdin.
 * `loop DATA FILE`: attaches FILE again and again (three per registration), printing `committed` each
 * time, until killed.
 */
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { openCore } from '../../../electron/core/core'
import { inspectFile } from '../../../electron/core/documents/inspect'
import { attachFile } from '../../../electron/core/registrations/attach'
import { accountFor, type SecretStore } from '../../../electron/core/secrets'

export function secretsWithKey(dir: string, key: string): SecretStore {
  const values = new Map([[accountFor(dir, 'data-key'), key]])
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, value) => void values.set(account, value),
    delete: async (account) => values.delete(account),
  }
}

// Run as a script by the test; imported only for secretsWithKey.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, dataDir = '', file = '', clientId = randomUUID()] = process.argv.slice(2)
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'crash-test',
    resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
    secrets: secretsWithKey(dataDir, process.env['GUICHET_CRASH_KEY'] ?? ''),
  })
  if (mode === 'pause') {
    const inspected = await inspectFile(file)
    if (!inspected.ok) throw new Error(inspected.error.code)
    core.registrations.ensureDraft(clientId)
    const id = await core.vault.put(inspected.bytes)
    console.log(`written ${id}`)
    await createInterface({ input: process.stdin })[Symbol.asyncIterator]().next()
    const { mediaType, size, sha256 } = inspected
    core.documents.attach(clientId, 'identity', { id, fileName: 'passport.png', mediaType, size, sha256 })
    console.log('committed')
  } else {
    // The desk keeps one draft, which no other record may replace while it holds scans: the run goes
    // on with the draft a crash left, and once its slot is full the agent discards it for the next
    // student.
    for (let current = core.registrations.loadDraft()?.clientId ?? clientId; ;) {
      if (core.documents.list(current).length === 3) {
        await Promise.all(core.registrations.discardDraft(current).map((id) => core.vault.delete(id)))
        current = randomUUID()
      }
      await attachFile(core, current, 'identity', file)
      console.log('committed')
    }
  }
}
