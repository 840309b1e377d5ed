import { api } from '../../api'
import type { ScanEntry } from '../../domain/ipc/events'
import { bytesOf, pdfPictures } from './pictures'

/** What the tray shows beside a scan: its picture, or the code of why there is none. */
export type ScanPicture = { src: string } | { reason: string }

/** The core's images are 160 px; a PDF page is drawn as wide. */
const PDF_WIDTH = 160
/** Pictures made at once: the tray stays quick to fill without holding the core or pdf.js up. */
const AT_ONCE = 2

const made = new Map<string, Promise<ScanPicture>>()
let running = 0
const waiting: (() => void)[] = []

// A file saved again under the same name is another scan: its time or size tells it apart.
const keyOf = (scan: ScanEntry): string => `${scan.path}\n${scan.modifiedAt}\n${scan.size}`

/** The tray's picture of a scan, made once per file version, a few at a time. */
export function scanPicture(scan: ScanEntry): Promise<ScanPicture> {
  const key = keyOf(scan)
  let picture = made.get(key)
  if (!picture) {
    picture = inTurn(() => make(scan))
    made.set(key, picture)
  }
  return picture
}

/** Drops the pictures of scans no longer in the folder (taken in, deleted, or saved again). */
export function forgetScansOtherThan(scans: readonly ScanEntry[]): void {
  const kept = new Set(scans.map(keyOf))
  for (const key of made.keys()) if (!kept.has(key)) made.delete(key)
}

async function make(scan: ScanEntry): Promise<ScanPicture> {
  const answer = await api().scanThumbnail({ path: scan.path })
  if (!answer.ok) {
    // Not about the file (the desk locked, a bug): asked again when the scan is next shown.
    made.delete(keyOf(scan))
    return { reason: answer.error.code }
  }
  const thumbnail = answer.value
  if (thumbnail.kind === 'none') return { reason: thumbnail.code }
  if (thumbnail.kind === 'image') return { src: `data:${thumbnail.mediaType};base64,${thumbnail.base64}` }
  try {
    const [src] = await pdfPictures(bytesOf(thumbnail.base64), PDF_WIDTH, 1)
    return src ? { src } : { reason: 'pdf_unreadable' }
  } catch {
    // pdf.js could not draw a page the core's checks let through: say so, as the inspection would.
    return { reason: 'pdf_unreadable' }
  }
}

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  // A finished picture hands its turn straight to the next in line.
  if (running < AT_ONCE) running++
  else await new Promise<void>((go) => waiting.push(go))
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}
