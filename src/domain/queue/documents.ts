import type { DocumentKind } from './states'

/** A scan attached to a registration, as the form and the queue screen show it. */
export interface DocumentSummary {
  id: string
  kind: DocumentKind
  fileName: string
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'
  size: number
  pages?: number
  width?: number
  height?: number
  sha256: string
  /** The agent compared the identity document with the student (name, photo). */
  checked: boolean
  /** Only in the answer to attachDocument: the scan was taken from the scanner folder and removed there. */
  movedFromScanner?: true
}
