import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { GuichetFailure } from '../../../../src/domain/result'
import { settingFields } from '../../../../src/domain/settings'
import { sameBackendOrigin } from '../../../../src/domain/sync/backend-url'
import { openCore, type Core } from '../../core'
import { knownFailure } from '../../disk-full'
import { createLog } from '../../log'

/** The options every command that opens the desk takes, beside its own. */
export const deskOptions = {
  'data-dir': { type: 'string' },
  backend: { type: 'string' },
} as const

export interface DeskArgs {
  'data-dir'?: string | undefined
  backend?: string | undefined
}

/**
 * Opens the desk's core as the app does, from --data-dir (or GUICHET_DATA_DIR), with --backend (or
 * GUICHET_BACKEND_URL) and GUICHET_TOKEN standing for the setting and the keychain when given. The
 * address obeys the Settings' rule (https, or http to this machine only), and the keychain's token
 * goes only to the backend that issued it: another origin needs its own token in GUICHET_TOKEN.
 */
export async function openDesk(args: DeskArgs): Promise<Core> {
  const dataDir = args['data-dir'] ?? process.env['GUICHET_DATA_DIR']
  if (!dataDir) throw new GuichetFailure('usage', 'Give the desk folder with --data-dir or GUICHET_DATA_DIR.')
  const url = backendOverride(args.backend ?? process.env['GUICHET_BACKEND_URL'])
  const token = process.env['GUICHET_TOKEN']
  const log = createLog(dataDir)
  const core = await openCore({
    dataDir,
    host: 'cli',
    version: appVersion(),
    resourcesDir: fileURLToPath(new URL('../../../../resources', import.meta.url)),
    ...((url || token) && { backend: { ...(url && { url }), ...(token && { token }) } }),
    onUnexpected: (error) => log.error('cli', error),
  })
  const own = core.settings.get().backendUrl
  if (url && !token && !sameBackendOrigin(url, own)) {
    core.close()
    throw new GuichetFailure(
      'usage',
      `--backend (or GUICHET_BACKEND_URL) is not this desk's backend${own ? ` (${own})` : ''}: the desk token in the keychain is sent only to the backend that issued it. Give that backend's token in GUICHET_TOKEN, or leave --backend out to use the desk's own.`,
    )
  }
  return core
}

/** The override checked and written as the Settings would keep it; undefined when none is given. */
function backendOverride(typed: string | undefined): string | undefined {
  if (!typed) return undefined
  try {
    return settingFields.backendUrl.validateSync(typed)
  } catch {
    // The address is not repeated: it may hold a user name or password.
    throw new GuichetFailure(
      'usage',
      '--backend (or GUICHET_BACKEND_URL) must be an https:// address, or http:// to this machine only (localhost, 127.x.x.x, [::1]), without user, password, query or fragment.',
    )
  }
}

/** The version of the desk app this CLI belongs to (package.json), as `desk status` reports it. */
function appVersion(): string {
  const manifest = new URL('../../../../package.json', import.meta.url)
  return String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version ?? 'unknown')
}

/**
 * Runs a command body with the desk open, closing it after. A failure a person can act on is printed
 * as one line (code and message, never the token) and exits 1; `usage` exits 2.
 */
export async function withDesk(args: DeskArgs, body: (core: Core) => Promise<number>): Promise<number> {
  let core: Core | undefined
  try {
    core = await openDesk(args)
    return await body(core)
  } catch (error) {
    const failure = knownFailure(error)
    if (!failure) throw error
    console.error(
      JSON.stringify({ error: { code: failure.code, message: failure.message, fields: failure.fields } }),
    )
    return failure.code === 'usage' ? 2 : 1
  } finally {
    core?.close()
  }
}
