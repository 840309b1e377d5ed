import { parseDictionary } from './structured-fields'

/**
 * The sha-256 member of an RFC 9530 `Content-Digest` (`sha-256=:<base64>:`), other algorithms
 * ignored; `null` when the header is absent, malformed or has no 32-byte sha-256 value.
 */
export function contentDigestSha256(header: string | string[] | undefined): Buffer | null {
  const member = typeof header === 'string' ? parseDictionary(header)?.get('sha-256') : undefined
  if (!member || !('value' in member) || member.value.type !== 'bytes') return null
  return member.value.value.length === 32 ? member.value.value : null
}
