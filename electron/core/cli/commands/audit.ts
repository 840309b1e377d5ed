import { parseArgs } from 'node:util'
import type { AuditEntry } from '../../../../src/domain/audit'
import { GuichetFailure } from '../../../../src/domain/result'
import { deskOptions, withDesk } from './open-desk'

const USAGE =
  'Usage: npm run desk -- audit verify | audit [--json] [--since <YYYY-MM-DD or instant>] [--data-dir <dir>]'

const PROBLEMS = {
  edited: 'was changed after it was written',
  removed: 'was removed',
  forged: 'does not carry this desk’s MAC (rewritten with another key)',
  checkpoint: 'is not covered by the signed pruning checkpoint',
  head: 'does not match the signed head of the log',
} as const

/**
 * `desk audit verify`: walks the chain, exit 0 when it holds, 1 naming the first bad entry.
 * `desk audit [--json] [--since <date>]`: the entries, oldest first, one line each.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...deskOptions, json: { type: 'boolean', default: false }, since: { type: 'string' } },
    allowPositionals: true,
  })
  const [action, ...extra] = positionals
  if (extra.length || (action !== undefined && action !== 'verify')) {
    console.error(USAGE)
    return 2
  }
  return withDesk(values, async (core) => {
    const since = values.since === undefined ? undefined : instant(values.since)
    if (action === 'verify') {
      const verdict = core.audit.verify()
      if (verdict.ok) {
        console.log(JSON.stringify(verdict))
        return 0
      }
      const message = `Audit entry ${verdict.seq} ${PROBLEMS[verdict.problem]}.`
      console.log(JSON.stringify({ ...verdict, message }))
      console.error(message)
      return 1
    }
    for (const entry of core.audit.list(since)) console.log(values.json ? JSON.stringify(entry) : text(entry))
    return 0
  })
}

function instant(value: string): string {
  const date = new Date(value)
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new GuichetFailure('usage', `--since takes a date such as 2026-09-02, not "${value}".`)
  }
  return date.toISOString()
}

const text = (entry: AuditEntry) =>
  [
    String(entry.seq).padStart(6),
    entry.at,
    entry.actor.padEnd(16),
    entry.action.padEnd(20),
    entry.subject ?? '',
    entry.detail ? JSON.stringify(entry.detail) : '',
  ].join('  ')
