import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The English model with both engines: the legacy one reads OCR-B's `<` where the LSTM one does not. */
export const TRAINEDDATA = 'eng.traineddata.gz'

/**
 * Where the traineddata is read from, never a network: the installer's copy (ocr/ beside resources/
 * in process.resourcesPath, put there by electron-builder's extraResources), else the npm package's
 * in development, `dev:web` and the CLI.
 */
export function ocrLangPath(resourcesDir: string): string {
  const shipped = join(resourcesDir, '..', 'ocr')
  if (existsSync(join(shipped, TRAINEDDATA))) return shipped
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0')
}
