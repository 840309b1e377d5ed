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

/**
 * The file's kind from its magic bytes, never from its name. The name is only checked against the
 * content: a file whose extension names another known format is refused, because either the file is
 * not the one the agent meant or something disguised it.
 */
export async function detectKind(path: string, bytes: Uint8Array): Promise<SourceKind> {
  const detected = await fileTypeFromBuffer(bytes)
  const actual = detected && canonical(detected.ext)
  const extension = extname(path).slice(1).toLowerCase()
  const claimed = canonical(extension)
  if (claimed !== actual && (sourceKinds.has(claimed) || supportedExtensions.has(claimed))) {
    throw refuse(
      'type_mismatch',
      `named .${extension} but ${actual ? `holding ${describe(actual)}` : 'not holding any known format'}`,
    )
  }
  if (!actual) throw refuse('unsupported_type', 'of no format Guichet recognizes')
  if (!isSourceKind(actual)) throw refuse('unsupported_type', describe(actual))
  return actual
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
