import { createHmac, hkdfSync } from 'node:crypto'
import { normaliseEmail } from '../../../src/domain/registration/email'

/**
 * A keyed hash of an e-mail address: equal for the same address, meaningless without the desk's
 * key. It lets SQLite enforce one e-mail, one registration without holding the address in clear.
 */
export function emailKeyer(dataKey: Uint8Array): (email: string) => Buffer {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'guichet email index', 32))
  return (email) => createHmac('sha256', key).update(normaliseEmail(email)).digest()
}
