import { readFile } from 'node:fs/promises'
import { open } from '../crypto/aead'
import { present } from './missing'

/**
 * A scan of the vault as the sync sends it: enough for any thread to read and decrypt it there. It
 * holds the desk's document key: it is handed, with the request's headers (the desk token), to the
 * sync's own upload thread, in this process, and never written anywhere. Its key and AAD have memory
 * of their own: a Buffer carved from Node's shared pool would carry the whole pool (other recent small
 * buffers, an e-mail among them) to the thread.
 */
export interface SealedFile {
  path: string
  /** The plaintext's length, the request's Content-Length. */
  length: number
  aad: Uint8Array
  key: Uint8Array
}

/** The scan's bytes: `document_missing` when its file is gone, `decrypt_failed` when it was altered. */
export async function readSealed({ path, aad, key }: SealedFile): Promise<Buffer> {
  return open(key, await present(() => readFile(path)), aad)
}
