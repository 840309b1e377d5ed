import { createBrotliDecompress, createInflateRaw } from 'node:zlib'
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib'

/**
 * A stream's filter as pdf.js (5.5) reads it: `unpack` filters can expand without bound and are run
 * here within a limit; a `picture` filter decodes to the size its own data declares, so it is judged
 * by that size rather than run; any other name pdf.js passes the data through unchanged.
 */
export interface Filter {
  kind: 'unpack' | 'picture' | 'other'
  name: string
  params: PDFDict | undefined
  context: PDFContext
}

// pdf.js takes the short names of inline images on any stream, so they count here too.
const kinds = new Map<string, Filter['kind']>([
  ...['FlateDecode', 'Fl', 'LZWDecode', 'LZW', 'RunLengthDecode', 'RL', 'BrotliDecode'].map(
    (name) => [name, 'unpack'] as const,
  ),
  // They shrink what they read, but what they give may be the next filter's input.
  ...['ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85'].map((name) => [name, 'unpack'] as const),
  ...['DCTDecode', 'DCT', 'JPXDecode', 'JPX', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode'].map(
    (name) => [name, 'picture'] as const,
  ),
])

// pdf.js reads `/F` before `/Filter` and `/DP` before `/DecodeParms`, on every stream, not only on
// inline images: a stream can name its filter either way, and this must see what pdf.js sees.
const FILTER_KEYS = [PDFName.of('F'), PDFName.of('Filter')]
const PARAMS_KEYS = [PDFName.of('DP'), PDFName.of('DecodeParms')]

/** The filters in the order they are undone; a name that is not one refuses the chain, as pdf.js does. */
export function filtersOf(dict: PDFDict): Filter[] | 'unreadable' {
  const filter = firstOf(dict, FILTER_KEYS)
  const params = firstOf(dict, PARAMS_KEYS)
  if (filter === undefined) return []
  const describe = (name: PDFName, params: PDFObject | undefined): Filter => {
    const text = name.decodeText()
    const kind = kinds.get(text) ?? 'other'
    return { kind, name: text, params: params instanceof PDFDict ? params : undefined, context: dict.context }
  }
  if (filter instanceof PDFName) return [describe(filter, params)]
  if (!(filter instanceof PDFArray)) return 'unreadable'
  const filters: Filter[] = []
  for (let index = 0; index < filter.size(); index++) {
    const name = filter.lookup(index)
    if (!(name instanceof PDFName)) return 'unreadable'
    filters.push(describe(name, params instanceof PDFArray ? params.lookup(index) : undefined))
  }
  return filters
}

/** The value of the first key `dict` has: pdf.js reads a short key (`/F`) before the long one. */
export function firstOf(dict: PDFDict, keys: PDFName[]): PDFObject | undefined {
  for (const key of keys) if (dict.has(key)) return dict.lookup(key)
  return undefined
}

/**
 * What one filter gave: its length (once past the limit, reading stopped), the bytes if kept, and
 * whether zlib found deflate data it would not read on (see `inflate`).
 */
export interface Unpacked {
  length: number
  bytes: Uint8Array
  damaged?: true
}

const CHUNK = 64 * 1024
const EMPTY = new Uint8Array(0)

/**
 * Undoes one `unpack` filter on `input`, stopping as soon as the output passes `limit` bytes, so no
 * more than the limit and one chunk is ever held. Data cut short ends the output where pdf.js's own
 * decoder would stop too; what came before is counted all the same. `keep` is false when the bytes
 * only need counting.
 */
export function unpackOne(
  filter: Filter,
  input: Uint8Array,
  limit: number,
  keep: boolean,
): Promise<Unpacked> {
  // node:zlib decodes Flate and Brotli in chunks whatever the data's block sizes (pdf-lib's and
  // pdf.js's own inflaters undo a whole deflate block at once, and one block can hold gigabytes).
  if (filter.name === 'FlateDecode' || filter.name === 'Fl') return inflate(input, limit, keep)
  if (filter.name === 'BrotliDecode') {
    return throughZlib(createBrotliDecompress({ chunkSize: CHUNK }), input, limit, keep)
  }
  return Promise.resolve(throughPdfLib(filter, input, limit, keep))
}

/**
 * Flate data read as pdf.js reads it: the two-byte header checked as pdf.js checks it (a stream that
 * fails gives nothing), then the deflate data, whose checksum pdf.js never reads. pdf.js's inflater
 * reads on where zlib stops (a stored block of length 0 with a complement of 0, a distance before the
 * start, an incomplete code table), so zlib stopping on such data is reported as `damaged`, for the
 * file to be refused rather than measured short.
 */
function inflate(input: Uint8Array, limit: number, keep: boolean): Promise<Unpacked> {
  if (!isPdfJsZlibHeader(input)) return Promise.resolve({ length: 0, bytes: EMPTY })
  return throughZlib(createInflateRaw({ chunkSize: CHUNK }), input.subarray(2), limit, keep)
}

/** pdf.js's checks of a Flate stream's first two bytes; it does not check the window size, zlib does. */
export function isPdfJsZlibHeader(input: Uint8Array): boolean {
  const [method = -1, flags = -1] = input
  return (method & 0x0f) === 8 && ((method << 8) + flags) % 31 === 0 && (flags & 0x20) === 0
}

function throughZlib(
  decoder: NodeJS.ReadWriteStream & { destroy(): void },
  input: Uint8Array,
  limit: number,
  keep: boolean,
): Promise<Unpacked> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let length = 0
    const done = (error?: NodeJS.ErrnoException) => {
      const bytes = keep ? Buffer.concat(chunks) : EMPTY
      resolve(error?.code === 'Z_DATA_ERROR' ? { length, bytes, damaged: true } : { length, bytes })
    }
    decoder.on('data', (chunk: Buffer) => {
      length += chunk.length
      if (keep) chunks.push(chunk)
      if (length > limit) {
        decoder.destroy()
        done()
      }
    })
    decoder.on('error', done)
    decoder.on('end', done)
    decoder.end(input)
  })
}

/**
 * LZW, RunLength and the ASCII filters are decoded by pdf-lib's ports of pdf.js's own decoders, read
 * in chunks: each of their steps gives a few KiB at most (an LZW block of 512 codes, a run of 128).
 */
function throughPdfLib(filter: Filter, input: Uint8Array, limit: number, keep: boolean): Unpacked {
  const dict = filter.context.obj({ Filter: canonical(filter.name) })
  if (filter.params) dict.set(PDFName.of('DecodeParms'), filter.params)
  const stream = decodePDFRawStream(PDFRawStream.of(dict, input))
  const chunks: Uint8Array[] = []
  let length = 0
  try {
    // Clamped only when asked for: plain bytes here.
    const read = () => stream.getBytes(CHUNK) as Uint8Array
    for (let chunk = read(); chunk.length > 0; chunk = read()) {
      length += chunk.length
      if (keep) chunks.push(chunk.slice())
      if (length > limit) break
    }
  } catch {
    // Damaged data: pdf.js stops there too.
  }
  return { length, bytes: keep ? Buffer.concat(chunks) : EMPTY }
}

const longNames: Record<string, string> = {
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
}

function canonical(name: string): string {
  return longNames[name] ?? name
}
