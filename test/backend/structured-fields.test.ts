import { describe, expect, it } from 'vitest'
import { contentDigestSha256 } from './content-digest'
import { parseIdempotencyKey } from './idempotency'
import { parseDictionary, parseItem } from './structured-fields'

const UUID = '0193f0f4-5d7e-7c3a-9a41-3e6f1f0b2c10'

describe('Structured Field parsing (RFC 8941)', () => {
  it('reads strings with escapes, tokens, numbers, booleans and parameters', () => {
    expect(parseItem('"say \\"hi\\" \\\\o/"')?.value).toEqual({ type: 'string', value: 'say "hi" \\o/' })
    expect(parseItem('abc/def:1')?.value).toEqual({ type: 'token', value: 'abc/def:1' })
    expect(parseItem('-12.5')?.value).toEqual({ type: 'number', value: -12.5 })
    expect(parseItem('?0')?.value).toEqual({ type: 'boolean', value: false })
    const item = parseItem('"x";a=1;b')
    expect([...(item?.params ?? [])]).toEqual([
      ['a', { type: 'number', value: 1 }],
      ['b', { type: 'boolean', value: true }],
    ])
  })

  it('refuses malformed fields as a whole', () => {
    for (const field of ['"open', '"a" "b"', '"tab\there"', '"bad \\n escape"', ':not base64!:', '?2', '']) {
      expect(parseItem(field), field).toBeNull()
    }
    expect(parseDictionary('a=1,')).toBeNull()
    expect(parseDictionary('A=1')).toBeNull()
  })

  it('reads dictionaries with byte sequences, inner lists and bare keys', () => {
    const dictionary = parseDictionary('sha-256=:AQID:, list=(1 "two");p, flag')
    expect(dictionary?.get('sha-256')).toEqual({
      value: { type: 'bytes', value: Buffer.from([1, 2, 3]) },
      params: new Map(),
    })
    expect(dictionary?.get('list')).toMatchObject({
      items: [{ value: { value: 1 } }, { value: { value: 'two' } }],
    })
    expect(dictionary?.get('flag')).toMatchObject({ value: { type: 'boolean', value: true } })
  })
})

describe('Idempotency-Key', () => {
  it('is the UUID of a Structured Field string, in lower case', () => {
    expect(parseIdempotencyKey(`"${UUID.toUpperCase()}"`)).toBe(UUID)
    expect(parseIdempotencyKey(`  "${UUID}";v=1  `)).toBe(UUID)
  })

  it('is nothing when absent, bare, not a UUID or repeated', () => {
    for (const header of [undefined, UUID, '"not-a-uuid"', `"${UUID}", "${UUID}"`]) {
      expect(parseIdempotencyKey(header)).toBeNull()
    }
  })
})

describe('Content-Digest (RFC 9530)', () => {
  const digest = Buffer.alloc(32, 7)

  it('gives the sha-256 member, whatever else is listed', () => {
    expect(contentDigestSha256(`sha-512=:AAAA:, sha-256=:${digest.toString('base64')}:`)).toEqual(digest)
  })

  it('is nothing for a missing member, a wrong length or a value that is not bytes', () => {
    for (const header of [
      undefined,
      'sha-512=:AAAA:',
      'sha-256=:AAAA:',
      `sha-256="${digest.toString('base64')}"`,
    ]) {
      expect(contentDigestSha256(header)).toBeNull()
    }
  })
})
