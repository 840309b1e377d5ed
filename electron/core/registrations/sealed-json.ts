import { open, seal } from '../crypto/aead'

/** A JSON value sealed with the data key and bound to its record, so rows cannot be swapped. */
export const sealJson = (key: Uint8Array, value: unknown, recordId: string): Buffer =>
  seal(key, Buffer.from(JSON.stringify(value)), Buffer.from(recordId))

export const openJson = <T>(key: Uint8Array, sealed: Uint8Array, recordId: string): T =>
  JSON.parse(open(key, sealed, Buffer.from(recordId)).toString('utf8')) as T
