import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** What checking a PIN costs (about 0.1 s of one core): what makes guessing it from a copied hash slow. */
export const PIN_COST: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

const scrypt = (pin: string, salt: Buffer, cost: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pin, salt, 32, cost, (error, key) => (error ? reject(error) : resolve(key))),
  )

/** `scrypt:<salt>:<hash>`, the form both the admin PIN (keychain) and operators' PINs (SQLite) take. */
export async function hashPin(pin: string, cost = PIN_COST): Promise<string> {
  const salt = randomBytes(16)
  return `scrypt:${salt.toString('base64')}:${(await scrypt(pin, salt, cost)).toString('base64')}`
}

export async function pinMatches(pin: string, stored: string, cost = PIN_COST): Promise<boolean> {
  const [scheme, salt, hash] = stored.split(':')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), cost)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
