import { randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { GuichetFailure } from '../../../src/domain/result'
import { open, SEAL_OVERHEAD, seal } from '../crypto/aead'
import { isAtomicTempFile, writeFileAtomic } from '../crypto/atomic-file'
import type { RequestBody } from '../sync/transport'
import { present, presentSync } from './missing'
import { damagedScan, openScan } from './sealed-file'

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const SUFFIX = '.bin'
const DEFAULT_GRACE_MS = 60 * 60 * 1000
/**
 * Sealed files up to this size are read at once: the thread pool's round trips (open, stat, read,
 * close) cost ten times what reading a small scan from the disk does, and the sync reads one per
 * document. Larger ones are read without holding the thread.
 */
const READ_AT_ONCE_BYTES = 256 * 1024

export interface SweepOptions {
  /** Files younger than this are left alone: they may belong to a registration being saved right now. */
  graceMs?: number
  now?: () => number
}

/**
 * Scans at rest, one encrypted file per document under a random id. The database rows that point at
 * them belong to the caller, who saves a registration in this order so a crash never leaves a row
 * without its file: `put` every document (each resolves once its file is on disk), then commit the
 * rows holding the ids; on startup, `sweepOrphans` with every id the database knows removes files
 * whose rows were never committed.
 */
export class DocumentVault {
  constructor(
    readonly dir: string,
    private readonly key: Uint8Array,
    /** How a sealed file reaches the disk; tests swap it for a disk that is full or read-only. */
    private readonly write: (path: string, data: Uint8Array) => Promise<void> = writeFileAtomic,
  ) {}

  /** Encrypts and durably stores the bytes; returns the new document's id. */
  async put(bytes: Uint8Array): Promise<string> {
    const id = randomUUID()
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    await this.write(this.path(id), seal(this.key, bytes, aad(id)))
    return id
  }

  /** The bytes as they were put; `decrypt_failed` if the file was altered or moved from another id. */
  async read(id: string): Promise<Buffer> {
    const path = this.path(id)
    const size = sealedSize(path)
    const sealed = await present(() => (size <= READ_AT_ONCE_BYTES ? readFileSync(path) : readFile(path)))
    return open(this.key, sealed, aad(id))
  }

  /**
   * A document as the sync sends it, from its row (`size`: the bytes put): a small scan's bytes, read
   * now; a larger one's file, read and decrypted whole by whoever sends it (the upload thread, for
   * node:http). A file missing, or altered (its size included), fails where it is read.
   */
  async outgoing({ id, size }: { id: string; size: number }): Promise<RequestBody> {
    const path = this.path(id)
    if (size + SEAL_OVERHEAD > READ_AT_ONCE_BYTES) {
      return { path, length: size, aad: new Uint8Array(aad(id)), key: new Uint8Array(this.key) }
    }
    return openScan(this.key, await present(() => readFileSync(path)), size, aad(id))
  }

  /**
   * Before the backend is told of a document (the sync's first POST declares it for good): its file
   * is there, at the size it was sealed with. A stat, not a read: the scan is read once, to be sent.
   */
  intact({ id, size }: { id: string; size: number }): void {
    if (sealedSize(this.path(id)) !== size + SEAL_OVERHEAD) throw damagedScan()
  }

  /** Removes a document; removing one that is already gone is not an error. */
  async delete(id: string): Promise<void> {
    await removeIfPresent(this.path(id))
  }

  /**
   * Deletes documents no database row refers to, and temporary files left by a write cut short, once
   * they are older than the grace period. Returns the names removed (ids only, never personal data).
   */
  async sweepOrphans(knownIds: Iterable<string>, options: SweepOptions = {}): Promise<string[]> {
    const { graceMs = DEFAULT_GRACE_MS, now = Date.now } = options
    const known = new Set(knownIds)
    const entries = await readdir(this.dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    })
    const removed: string[] = []
    for (const entry of entries) {
      if (!entry.isFile() || !this.isOrphan(entry.name, known)) continue
      const path = join(this.dir, entry.name)
      const stats = await stat(path).catch(() => undefined)
      if (!stats || now() - stats.mtimeMs < graceMs) continue
      await removeIfPresent(path)
      removed.push(entry.name)
    }
    return removed
  }

  private isOrphan(name: string, known: ReadonlySet<string>): boolean {
    if (isAtomicTempFile(name)) return true
    const id = name.slice(0, -SUFFIX.length)
    return name.endsWith(SUFFIX) && ID.test(id) && !known.has(id)
  }

  private path(id: string): string {
    // Ids come back from the database; checking them keeps a damaged row from naming any other file.
    if (!ID.test(id)) throw new GuichetFailure('document_missing', 'This document reference is not valid.')
    return join(this.dir, id + SUFFIX)
  }
}

/** A sealed file's size; `document_missing` when it is not there. */
function sealedSize(path: string): number {
  return presentSync(() => statSync(path).size)
}

/** Binds each file to its id, so swapping two files on disk is detected when read. */
function aad(id: string): Buffer {
  return Buffer.from(`guichet-document:${id}`)
}

async function removeIfPresent(path: string): Promise<void> {
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
}
