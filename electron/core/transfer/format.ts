import { randomBytes, scrypt as scryptCb } from 'node:crypto'
import { open as openFile, rename, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { GuichetFailure } from '../../../src/domain/result'
import { open, seal } from '../crypto/aead'

/**
 * An export file: a magic line, a JSON header (format version and scrypt parameters), then frames,
 * each `[u32 length][AES-256-GCM sealed bytes]` under a key derived from the admin's passphrase.
 * Each frame is bound to the header and to its position, and the last one says how many came
 * before it, so a frame swapped, dropped or cut off is an error, not a silent loss. Frames are
 * written and read one at a time: a file of a whole day's scans never sits in memory.
 */
const MAGIC = Buffer.from('GUICHET-EXPORT\n')
const VERSION = 1
/** 128 MiB and about a third of a second per try on a desk laptop: slow for a thief, fine for an admin. */
export const COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }
/**
 * What a file's header may ask for: the costs this desk ever wrote (2^15 before 0.2) up to twice
 * today's. A hostile header must not make the desk allocate gigabytes or spin for minutes.
 */
const N_RANGE = { min: 2 ** 15, max: 2 ** 18 }
const MAX_FRAME = 16 * 1024 * 1024

export interface ScryptCost {
  N: number
  r: number
  p: number
}

interface Header {
  version: number
  kdf: { name: 'scrypt'; salt: string } & ScryptCost
}

const deriveKey = (passphrase: string, header: Header) =>
  new Promise<Buffer>((resolve, reject) => {
    const { salt, N, r, p } = header.kdf
    scryptCb(
      passphrase.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      32,
      { N, r, p, maxmem: 128 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })

const aadFor = (header: Buffer, index: number) => {
  const position = Buffer.alloc(4)
  position.writeUInt32BE(index)
  return Buffer.concat([header, position])
}

export class ExportWriter {
  private index = 0
  private position = 0

  private constructor(
    private readonly handle: FileHandle,
    private readonly temp: string,
    private readonly target: string,
    private readonly key: Buffer,
    private readonly header: Buffer,
  ) {}

  /** Starts the file beside `path`; it replaces `path` only once `finish` flushed it whole. */
  static async create(path: string, passphrase: string, cost: ScryptCost = COST): Promise<ExportWriter> {
    const header: Header = {
      version: VERSION,
      kdf: { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...cost },
    }
    const headerBytes = Buffer.from(JSON.stringify(header))
    const key = await deriveKey(passphrase, header)
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`)
    const handle = await openFile(temp, 'wx', 0o600)
    const writer = new ExportWriter(handle, temp, path, key, headerBytes)
    try {
      await writer.write(Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]))
    } catch (error) {
      // A full disk fails here already: no handle left open on it, no partial file left behind.
      await writer.abandon()
      throw error
    }
    return writer
  }

  async frame(plain: Buffer): Promise<void> {
    const sealed = seal(this.key, plain, aadFor(this.header, this.index++))
    await this.write(Buffer.concat([u32(sealed.length), sealed]))
  }

  async finish(): Promise<void> {
    await this.handle.sync()
    await this.handle.close()
    await rename(this.temp, this.target)
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => {})
    await unlink(this.temp).catch(() => {})
  }

  private async write(bytes: Buffer): Promise<void> {
    await this.handle.write(bytes, 0, bytes.length, this.position)
    this.position += bytes.length
  }
}

export class ExportReader {
  private index = 0

  private position: number

  private constructor(
    private readonly handle: FileHandle,
    private readonly start: number,
    private readonly key: Buffer,
    private readonly header: Buffer,
  ) {
    this.position = start
  }

  /** Back to the first frame, for a second pass without deriving the key again. */
  rewind(): void {
    this.position = this.start
    this.index = 0
  }

  static async open(path: string, passphrase: string): Promise<ExportReader> {
    const handle = await openFile(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw new GuichetFailure(
        'export_unreadable',
        `The export file cannot be opened (${error.code ?? 'error'}).`,
      )
    })
    try {
      const magic = await readExactly(handle, 0, MAGIC.length + 4)
      if (!magic?.subarray(0, MAGIC.length).equals(MAGIC)) throw notAnExport()
      const length = magic.readUInt32BE(MAGIC.length)
      const headerBytes = length < 4096 ? await readExactly(handle, magic.length, length) : null
      const header = headerBytes && parseHeader(headerBytes)
      if (!headerBytes || !header) throw notAnExport()
      const key = await deriveKey(passphrase, header)
      return new ExportReader(handle, magic.length + length, key, headerBytes)
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  /** The next frame's bytes; the first frame that does not open means a wrong passphrase. */
  async frame(): Promise<Buffer> {
    const length = await readExactly(this.handle, this.position, 4)
    const size = length?.readUInt32BE(0) ?? 0
    const sealed =
      length && size <= MAX_FRAME ? await readExactly(this.handle, this.position + 4, size) : null
    if (!sealed) throw truncated()
    this.position += 4 + size
    try {
      return open(this.key, sealed, aadFor(this.header, this.index++))
    } catch {
      if (this.index === 1) {
        throw new GuichetFailure('wrong_passphrase', 'This passphrase does not open the export file.')
      }
      throw new GuichetFailure(
        'export_damaged',
        'The export file was altered or damaged; nothing more was read.',
      )
    }
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

function parseHeader(bytes: Buffer): Header | null {
  try {
    const header = JSON.parse(bytes.toString('utf8')) as Partial<Header> | null
    const kdf = header?.kdf
    const sane =
      header?.version === VERSION &&
      kdf?.name === 'scrypt' &&
      typeof kdf.salt === 'string' &&
      Buffer.from(kdf.salt, 'base64').length === 16 &&
      Number.isInteger(Math.log2(kdf.N)) &&
      kdf.N >= N_RANGE.min &&
      kdf.N <= N_RANGE.max &&
      kdf.r === COST.r &&
      kdf.p === COST.p
    return sane ? (header as Header) : null
  } catch {
    return null
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return bytesRead === length ? buffer : null
}

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(value)
  return bytes
}

const notAnExport = () => new GuichetFailure('not_an_export', 'This file is not a Guichet export.')
const truncated = () =>
  new GuichetFailure('export_truncated', 'The export file is incomplete; copy it again from the other desk.')
