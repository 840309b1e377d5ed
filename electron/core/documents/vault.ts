import { randomUUID } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, stat, unlink } from 'node:fs/promises'
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
  /**
   * Ids the database handed out (`issue`): the only files the sweep may delete. Leaving it out means
   * the caller issued every file it does not know, as a vault without a database does.
   */
  issued?: Iterable<string>
  /** Where scans nobody issued are moved (created when there is one); the sweep deletes none of them. */
  asideDir?: string
}

export interface SweepResult {
  /** Names deleted: temporary files and scans this database issued but never kept (ids only). */
  removed: string[]
  /** Names of the scans moved to `asideDir`, which this database never issued. */
  setAside: string[]
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
    /** Records a new id where the sweep will look for it (the database), before its file exists. */
    private readonly issue: (id: string) => void = () => {},
  ) {}

  /** Encrypts and durably stores the bytes; returns the new document's id. */
  async put(bytes: Uint8Array): Promise<string> {
    const id = randomUUID()
    this.issue(id)
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
   * Deletes temporary files left by a write cut short, and scans the database issued but holds no row
   * for (a crash before the row's commit, or between a row's removal and its file's), once older than
   * the grace period. A scan the database never issued is moved to `asideDir`, never deleted, whatever
   * its age: only a database that gave an id out can know its file is garbage. One that did not (a new
   * or emptied database file, one restored from an older backup, a stray folder on a fresh install)
   * would otherwise take every scan saved since for an orphan. Names only are returned, never data.
   */
  async sweepOrphans(knownIds: Iterable<string>, options: SweepOptions = {}): Promise<SweepResult> {
    const { graceMs = DEFAULT_GRACE_MS, now = Date.now, asideDir } = options
    const known = new Set(knownIds)
    const issued = options.issued ? new Set(options.issued) : undefined
    const entries = await readdir(this.dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    })
    const result: SweepResult = { removed: [], setAside: [] }
    for (const entry of entries) {
      if (!entry.isFile() || !this.isOrphan(entry.name, known)) continue
      const path = join(this.dir, entry.name)
      const id = entry.name.slice(0, -SUFFIX.length)
      if (!isAtomicTempFile(entry.name) && issued && !issued.has(id)) {
        if (!asideDir) continue
        await mkdir(asideDir, { recursive: true, mode: 0o700 })
        await rename(path, join(asideDir, entry.name))
        result.setAside.push(entry.name)
        continue
      }
      const stats = await stat(path).catch(() => undefined)
      if (!stats || now() - stats.mtimeMs < graceMs) continue
      await removeIfPresent(path)
      result.removed.push(entry.name)
    }
    return result
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
