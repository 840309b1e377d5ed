import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runMrz } from '../ocr/mrz-cli'
import { passportReader } from '../ocr/passport-reader'

/** `desk mrz FILE...`: reads each passport scan's MRZ offline and prints one JSON line per file. */
export async function run(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('Usage: npm run desk -- mrz <file>...')
    return 2
  }
  const reader = passportReader({
    resourcesDir: fileURLToPath(new URL('../../../resources', import.meta.url)),
    dataDir: process.env['GUICHET_DATA_DIR'] ?? join(tmpdir(), 'guichet-cli'),
    now: () => new Date(),
  })
  try {
    return await runMrz(files, reader, (line) => process.stdout.write(`${line}\n`))
  } finally {
    await reader.close()
  }
}
