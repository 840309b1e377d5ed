import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'

/** The characters an MRZ holds; OCR is told to read nothing else. */
const MRZ_WHITELIST = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'

export interface OcrOptions {
  /**
   * Tesseract's legacy engine reads OCR-B's `<` reliably but confuses W with N and 8 with S; its LSTM
   * engine reads letters and digits well but turns runs of `<` into K and L. The MRZ reader runs both.
   */
  engine: 'legacy' | 'lstm'
  langPath: string
  /** Where tesseract.js keeps the unpacked traineddata between runs (in the desk's data folder). */
  cachePath: string
  /** How long an idle worker is kept before it is terminated and its memory (about 40 MB) freed. */
  idleMs?: number
  /** The timer, injectable so tests can let time pass without waiting. */
  setTimer?: (run: () => void, ms: number) => { clear(): void }
}

/** A character OCR read, with its left and right edges in the image's pixels. */
export interface OcrSymbol {
  char: string
  x0: number
  x1: number
}

export interface OcrLine {
  symbols: OcrSymbol[]
  /** Top and bottom of the line, in the image's pixels. */
  y0: number
  y1: number
}

const realTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms)
  handle.unref()
  return { clear: () => clearTimeout(handle) }
}

/**
 * One tesseract.js worker (a Node worker thread: recognition never runs on the caller's thread),
 * started on first use and terminated once idle for `idleMs`. Jobs run one at a time in its queue.
 */
export class OcrEngine {
  private worker: Promise<Worker> | null = null
  private idle: { clear(): void } | null = null
  private busy = 0

  constructor(private readonly options: OcrOptions) {}

  /** Whether a worker is alive (started and not yet released). */
  get running(): boolean {
    return this.worker !== null
  }

  /** The text lines of an image of an MRZ band (PNG or JPEG bytes). */
  async readLines(image: Buffer): Promise<OcrLine[]> {
    this.idle?.clear()
    this.idle = null
    this.busy++
    try {
      const worker = await this.start()
      const { data } = await worker.recognize(image, {}, { text: true, blocks: true })
      return (data.blocks ?? []).flatMap((block) =>
        block.paragraphs.flatMap((paragraph) =>
          paragraph.lines.map((line) => ({
            symbols: line.words.flatMap((word) =>
              word.symbols.map(({ text, bbox }) => ({ char: text, x0: bbox.x0, x1: bbox.x1 })),
            ),
            y0: line.bbox.y0,
            y1: line.bbox.y1,
          })),
        ),
      )
    } finally {
      if (--this.busy === 0) this.scheduleRelease()
    }
  }

  /** Terminates the worker now (the desk closing). */
  async close(): Promise<void> {
    this.idle?.clear()
    this.idle = null
    const worker = this.worker
    this.worker = null
    if (worker) await (await worker).terminate()
  }

  private start(): Promise<Worker> {
    this.worker ??= (async () => {
      const oem = this.options.engine === 'legacy' ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY
      const worker = await createWorker('eng', oem, {
        langPath: this.options.langPath,
        cachePath: this.options.cachePath,
        gzip: true,
      })
      await worker.setParameters({
        tessedit_char_whitelist: MRZ_WHITELIST,
        tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
        user_defined_dpi: '300',
      })
      return worker
    })()
    // A worker that failed to start is forgotten, so the next reading tries again.
    this.worker.catch(() => (this.worker = null))
    return this.worker
  }

  private scheduleRelease(): void {
    const timer = this.options.setTimer ?? realTimer
    this.idle = timer(() => {
      this.idle = null
      if (this.busy === 0) void this.close()
    }, this.options.idleMs ?? 60_000)
  }
}

/** The two engines the MRZ reader runs side by side on each band, one worker thread each. */
export interface MrzEngines {
  legacy: OcrEngine
  lstm: OcrEngine
  close(): Promise<void>
}

export function mrzEngines(options: Omit<OcrOptions, 'engine'>): MrzEngines {
  const legacy = new OcrEngine({ ...options, engine: 'legacy' })
  const lstm = new OcrEngine({ ...options, engine: 'lstm' })
  return { legacy, lstm, close: async () => void (await Promise.all([legacy.close(), lstm.close()])) }
}
