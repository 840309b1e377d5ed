import { parseArgs } from 'node:util'
import { GuichetFailure } from '../../../../src/domain/result'
import { enrollDesk } from '../../enrollment/enroll'
import { enrollFromFile } from '../../enrollment/first-start'
import { withDesk } from './open-desk'

const USAGE =
  'Usage: npm run desk -- provision (--file desk.json | --backend <url> --code <XXXX-XXXX-XXXX>) [--data-dir <dir>]'

/** Exit code when the backend cannot be reached (as `sync --once`), so a script may retry later. */
const UNREACHABLE = 3

/**
 * `desk provision`: enrolls the desk with a one-time code, from a provisioning file or from the
 * command line. Prints one JSON line: what the desk now is, or the reason it is not (code unknown,
 * used or expired, backend unreachable, file not JSON, a field invalid). Nothing is written to the
 * settings unless the token is in the keychain first.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      file: { type: 'string' },
      backend: { type: 'string' },
      code: { type: 'string' },
    },
  })
  // `--code abcd 2345 efgh` typed without quotes: the groups after --code are the rest of the code.
  if (values.code !== undefined) values.code = [values.code, ...positionals].join('')
  else if (positionals.length) {
    console.error(USAGE)
    return 2
  }
  const byFile = values.file !== undefined
  const byArgs = values.backend !== undefined || values.code !== undefined
  if (byFile === byArgs || (byArgs && (!values.backend || !values.code))) {
    console.error(USAGE)
    return 2
  }
  let unreachable = false
  const code = await withDesk({ 'data-dir': values['data-dir'] }, async (core) => {
    try {
      if (values.file) {
        const done = await enrollFromFile(core, values.file, 'cli')
        if (!done) {
          throw new GuichetFailure(
            'provisioning_file_no_code',
            'The provisioning file holds no enrollmentCode (it is taken out once used): put a new code in it.',
          )
        }
        console.log(
          JSON.stringify({ enrolled: true, ...done.enrolled, codeRemovedFromFile: done.codeRemoved }),
        )
      } else {
        const enrolled = await enrollDesk(core, { backendUrl: values.backend!, code: values.code! }, 'cli')
        console.log(JSON.stringify({ enrolled: true, ...enrolled }))
      }
      return 0
    } catch (error) {
      unreachable = error instanceof GuichetFailure && error.code === 'backend_unreachable'
      throw error
    }
  })
  return unreachable ? UNREACHABLE : code
}
