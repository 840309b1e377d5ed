import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The desk log, for support. It records what failed and where, never with what: an error's message
 * can quote a name or an e-mail, so only its name, code and stack frames are written.
 */
export function createLog(dataDir: string): { error(event: string, error: unknown): void } {
  const dir = join(dataDir, 'logs')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return {
    error(event, error) {
      const e = error instanceof Error ? error : new Error(String(typeof error))
      const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))
      const code = (e as { code?: unknown }).code
      const entry = { at: new Date().toISOString(), level: 'error', event, name: e.name, code, frames }
      appendFileSync(join(dir, 'guichet.log'), JSON.stringify(entry) + '\n', { mode: 0o600 })
    },
  }
}
