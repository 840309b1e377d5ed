import type { GuichetError } from '../../../src/domain/result'
import { inspectFile, type InspectOptions, type InspectResult } from './inspect'

/** One printed line; JSON drops the fields left undefined. */
export interface InspectLine {
  file: string
  ok: boolean
  mediaType?: string
  size?: number
  pages?: number
  width?: number
  height?: number
  sha256?: string
  extensionMismatch?: string
  error?: GuichetError
}

/**
 * `desk inspect FILE...`: runs each file through the same gate as the app and prints one JSON line
 * per file, in order, without the bytes. Files are taken one at a time to keep memory to one file.
 * Resolves to the exit code: 0 when every file is accepted, 1 when any is refused.
 */
export async function runInspect(
  files: string[],
  out: (line: string) => void,
  options: InspectOptions = {},
): Promise<number> {
  let refused = false
  for (const file of files) {
    const line = await inspectFile(file, options).then(summary, (error: unknown) => failed(file, error))
    refused ||= !line.ok
    out(JSON.stringify(line))
  }
  return refused ? 1 : 0
}

function summary(result: InspectResult): InspectLine {
  if (!result.ok) return { file: result.file, ok: false, error: result.error }
  const { file, mediaType, size, pages, width, height, sha256, extensionMismatch } = result
  return { file, ok: true, mediaType, size, pages, width, height, sha256, extensionMismatch }
}

// A bug on one file should not hide the verdict on the others. Only the error's name is printed,
// since its message may quote the file's path or content.
function failed(file: string, error: unknown): InspectLine {
  const name = error instanceof Error ? error.name : typeof error
  return { file, ok: false, error: { code: 'internal', message: `Guichet failed on this file (${name}).` } }
}
