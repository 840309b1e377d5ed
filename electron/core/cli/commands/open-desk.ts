import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { GuichetFailure } from '../../../../src/domain/result'
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
 * GUICHET_BACKEND_URL) and GUICHET_TOKEN standing for the setting and the keychain when given.
 */
export async function openDesk(args: DeskArgs): Promise<Core> {
  const dataDir = args['data-dir'] ?? process.env['GUICHET_DATA_DIR']
  if (!dataDir) throw new GuichetFailure('usage', 'Give the desk folder with --data-dir or GUICHET_DATA_DIR.')
  const url = args.backend ?? process.env['GUICHET_BACKEND_URL']
  const token = process.env['GUICHET_TOKEN']
  const log = createLog(dataDir)
  return openCore({
    dataDir,
    host: 'cli',
    version: appVersion(),
    resourcesDir: fileURLToPath(new URL('../../../../resources', import.meta.url)),
    ...((url || token) && { backend: { ...(url && { url }), ...(token && { token }) } }),
    onUnexpected: (error) => log.error('cli', error),
  })
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
