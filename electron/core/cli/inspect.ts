import { runInspect } from '../documents/inspect-cli'

/** `desk inspect FILE...`: one JSON line per file on stdout; exit code 1 when any file is refused. */
export async function run(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('Usage: npm run desk -- inspect <file>...')
    return 2
  }
  return runInspect(files, (line) => process.stdout.write(`${line}\n`))
}
