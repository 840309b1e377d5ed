import { randomBytes } from 'node:crypto'
import { createInterface } from 'node:readline'
import { GuichetFailure } from '../../../../src/domain/result'
import { generatePassphrase } from '../../../../src/domain/transfer/passphrase'

/**
 * The export passphrase: GUICHET_EXPORT_PASSPHRASE, else asked on the terminal without echoing it,
 * else the first line of stdin. For an export, an empty answer takes a generated passphrase, printed
 * on stderr for the admin to write down (never on stdout, which scripts keep).
 */
export async function passphrase(offerGenerated = false): Promise<string> {
  const fromEnv = process.env['GUICHET_EXPORT_PASSPHRASE']
  const prompt = offerGenerated ? 'Export passphrase (empty: a generated one): ' : 'Export passphrase: '
  let value = fromEnv ?? (await ask(prompt))
  if (offerGenerated && fromEnv === undefined && value === '') {
    value = generatePassphrase((n) => randomBytes(n))
    process.stderr.write(
      `Passphrase of this export, to write down and pass on apart from the file: ${value}\n`,
    )
  }
  if (value.length < 8)
    throw new GuichetFailure('passphrase_too_short', 'The passphrase needs 8 characters at least.')
  return value
}

function ask(prompt: string): Promise<string> {
  const tty = process.stdin.isTTY
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: tty })
  if (tty) {
    process.stderr.write(prompt)
    // Nothing typed is echoed: the passphrase protects every student's data in the file.
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  }
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      rl.close()
      if (tty) process.stderr.write('\n')
      resolve(line)
    })
    rl.once('close', () => resolve(''))
  })
}
