import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const COST: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

const scrypt = (pin: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pin, salt, 32, COST, (error, key) => (error ? reject(error) : resolve(key))),
  )

/** `scrypt:<salt>:<hash>`, the form both the admin PIN (keychain) and operators' PINs (SQLite) take. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  return `scrypt:${salt.toString('base64')}:${(await scrypt(pin, salt)).toString('base64')}`
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split(':')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
