import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

export interface DeskLog {
  /** Never throws: a log that cannot be written (a full disk) must not turn an answer into a crash. */
  error(event: string, error: unknown): void
}

/**
 * The desk log, for support. It records what failed and where, never with what: an error's message
 * can quote a name or an e-mail, so only its name, code and stack frames are written. Writing it is
 * best effort: it is called from error paths, where the disk may be the very thing that failed.
 */
export function createLog(dataDir: string, append: typeof appendFileSync = appendFileSync): DeskLog {
  const dir = join(dataDir, 'logs')
  return {
    error(event, error) {
      try {
        const e = error instanceof Error ? error : new Error(String(typeof error))
        const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))
        const code = (e as { code?: unknown }).code
        const entry = { at: new Date().toISOString(), level: 'error', event, name: e.name, code, frames }
        mkdirSync(dir, { recursive: true, mode: 0o700 })
        append(join(dir, 'guichet.log'), JSON.stringify(entry) + '\n', { mode: 0o600 })
      } catch {
        // Nowhere left to report to; the caller's answer goes on regardless.
      }
    },
  }
}
