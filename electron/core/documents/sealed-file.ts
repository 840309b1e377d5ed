import { readFileSync } from 'node:fs'
import { open } from '../crypto/aead'
import { presentSync } from './missing'

/**
 * A scan of the vault as the sync sends it: enough for any thread to read and decrypt it there. It
 * holds the desk's document key: it is handed to the sync's own upload thread, in this process, and
 * never written anywhere.
 */
export interface SealedFile {
  path: string
  /** The plaintext's length, the request's Content-Length. */
  length: number
  aad: Uint8Array
  key: Uint8Array
}

/** The scan's bytes: `document_missing` when its file is gone, `decrypt_failed` when it was altered. */
export function readSealed({ path, aad, key }: SealedFile): Buffer {
  return open(
    key,
    presentSync(() => readFileSync(path)),
    aad,
  )
}
