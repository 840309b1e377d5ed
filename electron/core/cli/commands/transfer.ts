import { parseArgs } from 'node:util'
import type { TransferSummary } from '../../../../src/domain/sync/queue'
import type { Core } from '../../core'
import { deskOptions, withDesk } from './open-desk'
import { passphrase } from './passphrase'

type Transfer = (core: Core, path: string, passphrase: string) => Promise<TransferSummary>

/** `desk export <file>` and `desk import <file>`: one JSON line with what was written or taken in. */
export const transferCommand =
  (name: string, transfer: Transfer) =>
  async (argv: string[]): Promise<number> => {
    const { values, positionals } = parseArgs({ args: argv, options: deskOptions, allowPositionals: true })
    const [file, ...extra] = positionals
    if (!file || extra.length) {
      console.error(
        `Usage: npm run desk -- ${name} <file> [--data-dir <dir>]  (passphrase: GUICHET_EXPORT_PASSPHRASE or asked)`,
      )
      return 2
    }
    return withDesk(values, async (core) => {
      console.log(JSON.stringify(await transfer(core, file, await passphrase(name === 'export'))))
      return 0
    })
  }
