import { watch, type FSWatcher } from 'node:fs'
import { lstat, readdir, unlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { ScanEntry } from '../../../src/domain/ipc/events'

export interface ScannerFolderOptions {
  /** The rescan that backs up fs.watch, which misses events on network and removable drives. */
  pollMs?: number
  /** A file whose size or time changed more recently than this may still be written by the scanner. */
  settleMs?: number
  /** How many scans the tray lists, newest first: a day's scans at a fair stay out of the way. */
  maxEntries?: number
  now?: () => number
}

// Scanner drivers, browsers and office programs write under these names before renaming into place.
const TEMPORARY = /^(~|\.)|\.(tmp|temp|part|partial|crdownload|download|lock)$|~$/i
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini'])
// Events come in bursts while a file is written; one rescan shortly after serves them all.
const EVENT_DELAY_MS = 100

interface Seen {
  size: number
  mtimeMs: number
  /** When this size and time were first seen (or the file's own time, for a file already settled). */
  since: number
}

/**
 * Watches the folder the desk's scanner saves into and reports the scans that are complete: regular
 * files (no link, no folder) that held still for `settleMs`, not hidden, not a program's temporary
 * file. `onChange` is called when the list changes. A scan taken into the desk is removed from the
 * folder (`release`): the desk keeps it encrypted, and a clear copy left behind would give away every
 * passport scanned there.
 */
export class ScannerFolder {
  private dir = ''
  private watcher: FSWatcher | undefined
  private poll: NodeJS.Timeout | undefined
  private soon: NodeJS.Timeout | undefined
  private seen = new Map<string, Seen>()
  private entries: ScanEntry[] = []
  private running: Promise<void> | undefined
  private again = false
  private readonly pollMs: number
  private readonly settleMs: number
  private readonly maxEntries: number
  private readonly now: () => number
  /** The time read at the last scan, to tell when the clock went back since. */
  private scannedAt = 0

  constructor(
    private readonly onChange: (entries: ScanEntry[]) => void,
    options: ScannerFolderOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000
    this.settleMs = options.settleMs ?? 500
    this.maxEntries = options.maxEntries ?? 50
    this.now = options.now ?? Date.now
  }

  /** Watches `dir` from now on; '' stops watching. Following the folder already watched changes nothing. */
  follow(dir: string): void {
    if (dir === this.dir) return
    this.stop()
    this.dir = dir
    if (!dir) return
    this.poll = setInterval(() => this.rescan(), this.pollMs).unref()
    this.rescan()
  }

  list(): ScanEntry[] {
    return this.entries
  }

  /** Resolves once the scan in progress (if any) and one started after it have finished. */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  /**
   * Removes a scan of this folder once the desk holds it; answers whether it was one and is gone. A
   * file another program still holds stays (Windows refuses to delete it) and stays listed.
   */
  async release(path: string): Promise<boolean> {
    if (!this.holds(path) || !isCandidate(basename(path))) return false
    try {
      await unlink(path)
    } catch {
      return false
    }
    this.rescan()
    await this.settled()
    return true
  }

  /**
   * Whether `path` is in the folder, however it was chosen (tray, dialog, drop): such a file is read
   * with `scannerFs`, which follows no link, since others may write to the folder.
   */
  holds(path: string): boolean {
    return this.dir !== '' && dirname(resolve(path)) === resolve(this.dir)
  }

  stop(): void {
    clearInterval(this.poll)
    clearTimeout(this.soon)
    this.watcher?.close()
    this.watcher = undefined
    this.dir = ''
    this.seen.clear()
    this.publish([])
  }

  private rescan(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.scan(this.dir).finally(() => {
      this.running = undefined
      if (this.again) {
        this.again = false
        this.rescan()
      }
    })
  }

  private scanSoon(delayMs: number): void {
    clearTimeout(this.soon)
    this.soon = setTimeout(() => this.rescan(), delayMs).unref()
  }

  private async scan(dir: string): Promise<void> {
    if (!dir) return
    // A folder on a drive not plugged in yet is watched once it appears.
    this.watcher ??= this.watchFolder(dir)
    const names = await readdir(dir).catch(() => [] as string[])
    const now = this.now()
    // Set back, the clock would hold every scan seen since the new time out of the list until it caught
    // up (hours): the times they were seen go back as much (what passed between the scans is not
    // counted, so none is listed early).
    const back = Math.max(0, this.scannedAt - now)
    this.scannedAt = now
    const seen = new Map<string, Seen>()
    const ready: ScanEntry[] = []
    let waitMs = Infinity
    for (const fileName of names.filter(isCandidate)) {
      const path = join(dir, fileName)
      // A link is not a scan: it would list (and hand over) whatever file it points to.
      const stats = await lstat(path).catch(() => undefined)
      if (!stats?.isFile() || stats.size === 0) continue
      const before = this.seen.get(fileName)
      const same = before?.size === stats.size && before.mtimeMs === stats.mtimeMs
      const since = same
        ? before.since - back
        : before || now - stats.mtimeMs < this.settleMs
          ? now
          : stats.mtimeMs
      seen.set(fileName, { size: stats.size, mtimeMs: stats.mtimeMs, since })
      const left = since + this.settleMs - now
      if (left > 0) waitMs = Math.min(waitMs, left)
      else ready.push({ path, fileName, size: stats.size, modifiedAt: new Date(stats.mtimeMs).toISOString() })
    }
    // The folder may have been changed or unfollowed while this scan awaited the disk.
    if (dir !== this.dir) return
    this.seen = seen
    if (waitMs !== Infinity) this.scanSoon(waitMs)
    ready.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.fileName.localeCompare(b.fileName))
    this.publish(ready.slice(0, this.maxEntries))
  }

  private watchFolder(dir: string): FSWatcher | undefined {
    try {
      const watcher = watch(dir, { persistent: false }, () => this.scanSoon(EVENT_DELAY_MS))
      // Polling goes on; the watcher is armed again at the next scan.
      watcher.on('error', () => {
        watcher.close()
        if (this.watcher === watcher) this.watcher = undefined
      })
      return watcher
    } catch {
      return undefined
    }
  }

  private publish(entries: ScanEntry[]): void {
    if (JSON.stringify(entries) === JSON.stringify(this.entries)) return
    this.entries = entries
    this.onChange(entries)
  }
}

function isCandidate(name: string): boolean {
  return !TEMPORARY.test(name) && !SYSTEM_FILES.has(name.toLowerCase())
}
