import { createInterface } from 'node:readline'
import { GuichetFailure } from '../../../../src/domain/result'

/**
 * The export passphrase: GUICHET_EXPORT_PASSPHRASE, else asked on the terminal without echoing it,
 * else the first line of stdin.
 */
export async function passphrase(): Promise<string> {
  const fromEnv = process.env['GUICHET_EXPORT_PASSPHRASE']
  const value = fromEnv ?? (await ask('Export passphrase: '))
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
