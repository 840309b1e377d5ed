import type { EnrollmentStatus } from '../enrollment/status'
import type { DeskSession } from '../people'
import type { OutboxState } from '../queue/states'

/** A file the desk's scanner saved into the watched folder, as the "Received scans" tray lists it. */
export interface ScanEntry {
  path: string
  fileName: string
  size: number
  modifiedAt: string
}

/**
 * A scanner file's small picture for the tray, made by the core: an image shrunk to about 160 px,
 * or a PDF's first page cut out as a one-page PDF (the page draws it with pdf.js, as it draws stored
 * documents); or, for a file Guichet would not take or cannot read, the inspection's refusal code.
 */
export type ScanThumbnail =
  | { kind: 'image'; mediaType: 'image/webp'; base64: string }
  | { kind: 'pdf'; pages: number; base64: string }
  | { kind: 'none'; code: string }

export type QueueCounts = Record<OutboxState, number>

export interface SyncStatus {
  online: boolean
  /** Offline because the network answers with its own page (a Wi-Fi sign-in page), not the backend. */
  captivePortal?: boolean
  paused: boolean
  /**
   * Why the sync does not run: the backend refused the desk token (401/403: the desk must be
   * provisioned again), or no backend URL or no token was set, or the keychain holding the token was
   * locked since the desk started (it goes on by itself once it is unlocked).
   */
  stopped: 'unauthorized' | 'not_configured' | 'keychain_unavailable' | null
  lastSyncAt: string | null
  /** The upload in progress, for the queue screen's progress bar. */
  uploading: { clientId: string; sentBytes: number; totalBytes: number } | null
}

/**
 * What the core tells the page without being asked. Like the channels, one table: main forwards
 * each event to the window, the preload and the web bridge expose `window.guichet.on(event, fn)`.
 */
export interface DeskEvents {
  scansChanged: ScanEntry[]
  queueChanged: QueueCounts
  syncStatus: SyncStatus
  /** The desk was enrolled, or a provisioning file at start failed to enroll it. */
  enrollmentChanged: EnrollmentStatus
  /** Someone signed in or out, or the privacy screen covered the desk. */
  sessionChanged: DeskSession
}

export type DeskEvent = keyof DeskEvents

export const deskEvents = [
  'scansChanged',
  'queueChanged',
  'syncStatus',
  'enrollmentChanged',
  'sessionChanged',
] as const satisfies readonly DeskEvent[]

export const eventIpcName = (event: DeskEvent): string => `guichet-event:${event}`

export type Subscribe = <E extends DeskEvent>(
  event: E,
  listener: (payload: DeskEvents[E]) => void,
) => () => void
