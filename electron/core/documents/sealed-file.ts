import { readFile } from 'node:fs/promises'
import { GuichetFailure } from '../../../src/domain/result'
import { open, SEAL_OVERHEAD } from '../crypto/aead'
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

/**
 * The scan's bytes: `document_missing` when its file is gone, `document_damaged` when it is not the
 * size it was sealed at, `decrypt_failed` when it was altered.
 */
export async function readSealed({ path, length, aad, key }: SealedFile): Promise<Buffer> {
  return openScan(key, await present(() => readFile(path)), length, aad)
}

/** A scan's sealed file opened, held first to the `length` of what was sealed. */
export function openScan(key: Uint8Array, sealed: Buffer, length: number, aad: Uint8Array): Buffer {
  if (sealed.length !== length + SEAL_OVERHEAD) throw damagedScan()
  return open(key, sealed, aad)
}

/**
 * A scan's file cut short or grown (a disk failing, a copy or a restore interrupted): not the key,
 * which opens the desk's other files; the agent adds the document again from the original.
 */
export const damagedScan = (): GuichetFailure =>
  new GuichetFailure(
    'document_damaged',
    "A scan's file on this desk is damaged or incomplete (it is not the size it was saved at). Add the document to the registration again from the original.",
  )
