import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const main = fileURLToPath(new URL('../../electron/core/cli/main.ts', import.meta.url))

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/**
 * `npm run desk -- ...` as an admin runs it: its own process, with `env` over the test's, `input` typed
 * at its prompts; `through` a shell script that sets the scene and then runs the command it is given.
 */
export function runDesk(
  args: string[],
  env: Record<string, string> = {},
  input = '',
  through?: string,
): Promise<Run> {
  const command = [process.execPath, '--import', 'tsx', main, ...args]
  return new Promise((resolve) => {
    const child = execFile(
      through ? 'bash' : command[0]!,
      through ? [through, ...command] : command.slice(1),
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
    child.stdin?.end(input)
  })
}

/** The JSON lines a command printed. */
export const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/** The JSON lines among what a command wrote to stderr (keyring and D-Bus chatter left out). */
export const stderrLines = (stderr: string): Record<string, unknown>[] =>
  jsonLines(
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .join('\n'),
  )
