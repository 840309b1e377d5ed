import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { GuichetFailure } from '../../../src/domain/result'

/**
 * AES-256-GCM for data at rest. A sealed value is `[version | 12-byte nonce | ciphertext | 16-byte tag]`.
 * The version byte is authenticated with the caller's AAD, so a future format cannot be confused with
 * this one. Values are whole buffers: documents are capped at 10 MiB, which fits in memory with room
 * to spare, so no streaming variant is needed.
 */
const VERSION = 1
const NONCE_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32
/** Bytes a sealed value adds to its plaintext. */
export const SEAL_OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = new Uint8Array()): Buffer {
  checkKey(key)
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(header(VERSION, aad))
  // GCM's final() gives no bytes: the ciphertext is copied once, into the sealed value.
  const ciphertext = cipher.update(plaintext)
  cipher.final()
  return Buffer.concat([Buffer.of(VERSION), nonce, ciphertext, cipher.getAuthTag()])
}

/** Throws `decrypt_failed` when the value was altered, sealed with another key or for another AAD. */
export function open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array = new Uint8Array()): Buffer {
  checkKey(key)
  if (sealed.length < SEAL_OVERHEAD) throw decryptFailed('it is too short to be an encrypted value')
  const version = sealed[0] ?? 0
  if (version !== VERSION) throw decryptFailed(`its format version ${version} is unknown`)
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES)
  const tag = sealed.subarray(sealed.length - TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES })
  decipher.setAAD(header(version, aad))
  decipher.setAuthTag(tag)
  const plaintext = decipher.update(sealed.subarray(1 + NONCE_BYTES, sealed.length - TAG_BYTES))
  try {
    // GCM's final() only checks the tag: the plaintext is not copied again (a scan is megabytes).
    decipher.final()
    return plaintext
  } catch {
    throw decryptFailed('it was altered or encrypted with another key')
  }
}

function header(version: number, aad: Uint8Array): Buffer {
  return Buffer.concat([Buffer.of(version), aad])
}

function checkKey(key: Uint8Array): void {
  // A key of the wrong size is a programming error, not something a person at the desk can fix.
  if (key.length !== KEY_BYTES)
    throw new RangeError(`An AES-256 key has ${KEY_BYTES} bytes, not ${key.length}.`)
}

function decryptFailed(why: string): GuichetFailure {
  return new GuichetFailure(
    'decrypt_failed',
    `Encrypted data could not be read: ${why}. If the desk's key was reset, data saved before cannot be recovered.`,
  )
}
