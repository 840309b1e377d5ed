import { extname } from 'node:path'
import { fileTypeFromBuffer, supportedExtensions } from 'file-type'
import { refuse } from './refusals'

/** What a file holds, judged from its bytes; TIFF is accepted as a source and converted to JPEG. */
export type SourceKind = 'pdf' | 'jpg' | 'png' | 'tif'
const sourceKinds: ReadonlySet<string> = new Set<SourceKind>(['pdf', 'jpg', 'png', 'tif'])

// Spellings of one format; MPO is what some cameras call a JPEG with a second, embedded picture.
const aliases: Record<string, string> = {
  jpeg: 'jpg',
  jpe: 'jpg',
  jfif: 'jpg',
  mpo: 'jpg',
  tiff: 'tif',
  heif: 'heic',
}

export interface DetectedKind {
  kind: SourceKind
  /** The extension, when it names another known format than the content's (a PNG named .jpg). */
  extensionMismatch?: string
}

/**
 * The file's kind from its magic bytes, never from its name: scanner and phone software get
 * extensions wrong every day, so a file Guichet accepts is accepted whatever it is called, and the
 * mismatch only noted. The name only shapes the refusal of a file Guichet does not accept: one named
 * as a known format but holding another is a `type_mismatch` (the wrong file, or a disguised one).
 */
export async function detectKind(path: string, bytes: Uint8Array): Promise<DetectedKind> {
  const detected = await fileTypeFromBuffer(bytes)
  const actual = detected && canonical(detected.ext)
  const extension = extname(path).slice(1).toLowerCase()
  const claimed = canonical(extension)
  const mismatched = claimed !== actual && (sourceKinds.has(claimed) || supportedExtensions.has(claimed))
  if (actual && isSourceKind(actual)) {
    return { kind: actual, ...(mismatched && { extensionMismatch: `.${extension}` }) }
  }
  if (mismatched) {
    throw refuse(
      'type_mismatch',
      `named .${extension} but ${actual ? `holding ${describe(actual)}` : 'not holding any known format'}`,
    )
  }
  throw refuse('unsupported_type', actual ? describe(actual) : 'of no format Guichet recognizes')
}

function isSourceKind(kind: string): kind is SourceKind {
  return sourceKinds.has(kind)
}

function canonical(extension: string): string {
  return aliases[extension] ?? extension
}

function describe(kind: string): string {
  return `a ${kind.toUpperCase()} file`
}
