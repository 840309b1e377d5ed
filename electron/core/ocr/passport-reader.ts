import { join } from 'node:path'
import { mrzEngines, type MrzEngines } from './engine'
import { loadGlyphs, type Glyph } from './glyphs'
import { ocrLangPath } from './lang-path'
import { readMrz, type MrzScan } from './read-mrz'

/** Reads passports' MRZs for one desk: engines started on first use, released when idle. */
export interface PassportReader {
  read(bytes: Buffer): Promise<MrzScan>
  /** Whether an OCR worker is alive now (tests check that idle workers are released). */
  readonly running: boolean
  close(): Promise<void>
}

export interface PassportReaderOptions {
  resourcesDir: string
  /** The desk's data folder: tesseract.js keeps its unpacked traineddata in ocr-cache/ there. */
  dataDir: string
  now: () => Date
  idleMs?: number
  setTimer?: (run: () => void, ms: number) => { clear(): void }
}

export function passportReader(options: PassportReaderOptions): PassportReader {
  let engines: MrzEngines | null = null
  let glyphs: Glyph[] | null = null
  const get = () =>
    (engines ??= mrzEngines({
      langPath: ocrLangPath(options.resourcesDir),
      cachePath: join(options.dataDir, 'ocr-cache'),
      ...(options.idleMs !== undefined && { idleMs: options.idleMs }),
      ...(options.setTimer && { setTimer: options.setTimer }),
    }))
  return {
    read: (bytes) => readMrz(bytes, get(), (glyphs ??= loadGlyphs(options.resourcesDir)), options.now()),
    get running() {
      return engines !== null && (engines.legacy.running || engines.lstm.running)
    },
    close: async () => {
      await engines?.close()
      engines = null
    },
  }
}
