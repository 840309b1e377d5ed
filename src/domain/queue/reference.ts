/** Crockford's base 32: no I, L, O or U, so a reference read aloud or copied by hand stays right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * The short reference the agent reads to the student ("G-7K3M-Q2XA"): 40 bits of the record's
 * random clientId, enough to tell a desk's records apart, and always the same for a record.
 */
export function referenceOf(clientId: string): string {
  const hex = clientId.replace(/-/g, '')
  let bits = BigInt(`0x${hex.slice(-10)}`)
  let out = ''
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)] + out
    bits >>= 5n
  }
  return `G-${out.slice(0, 4)}-${out.slice(4)}`
}
