import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { SEAL_OVERHEAD, open, seal } from '../../../electron/core/crypto/aead'
import { GuichetFailure } from '../../../src/domain/result'

const key = randomBytes(32)
const plaintext = Buffer.from('Passport P<FRADUPONT<<MARIE<<<<<<<<<<<<<<<<<<<<<<')

function expectDecryptFailed(run: () => unknown): void {
  expect(run).toThrow(GuichetFailure)
  expect(run).toThrow(expect.objectContaining({ code: 'decrypt_failed' }))
}

describe('seal and open', () => {
  it('gives back what was sealed, with and without AAD', () => {
    expect(open(key, seal(key, plaintext))).toEqual(plaintext)
    const aad = Buffer.from('document:1')
    expect(open(key, seal(key, plaintext, aad), aad)).toEqual(plaintext)
    expect(open(key, seal(key, new Uint8Array()))).toEqual(Buffer.alloc(0))
  })

  it('never stores the plaintext and adds a fixed overhead', () => {
    const sealed = seal(key, plaintext)
    expect(sealed.length).toBe(plaintext.length + SEAL_OVERHEAD)
    expect(sealed.includes(Buffer.from('DUPONT'))).toBe(false)
  })

  it('uses a fresh nonce on every call', () => {
    const sealings = Array.from({ length: 50 }, () => seal(key, plaintext))
    const nonces = new Set(sealings.map((sealed) => sealed.subarray(1, 13).toString('hex')))
    expect(nonces.size).toBe(50)
    expect(sealings[0]?.equals(sealings[1] ?? Buffer.alloc(0))).toBe(false)
  })

  it.each([
    ['the version byte', 0],
    ['the nonce', 5],
    ['the ciphertext', 1 + 12 + 3],
    ['the tag', -1],
  ])('detects a change to %s', (_, at) => {
    const sealed = seal(key, plaintext)
    const index = at < 0 ? sealed.length + at : at
    sealed[index] = (sealed[index] ?? 0) ^ 0x01
    expectDecryptFailed(() => open(key, sealed))
  })

  it('refuses the wrong key, the wrong AAD, and a value too short to be sealed', () => {
    const sealed = seal(key, plaintext, Buffer.from('a'))
    expectDecryptFailed(() => open(randomBytes(32), sealed, Buffer.from('a')))
    expectDecryptFailed(() => open(key, sealed, Buffer.from('b')))
    expectDecryptFailed(() => open(key, sealed.subarray(0, 20)))
  })

  it('rejects a key that is not 256 bits', () => {
    expect(() => seal(randomBytes(16), plaintext)).toThrow(RangeError)
  })
})
