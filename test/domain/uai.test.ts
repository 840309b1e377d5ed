import { describe, expect, it } from 'vitest'
import { checkUai } from '../../src/domain/registration/uai'

describe('UAI', () => {
  // key = "ABCDEFGHJKLMNPRSTUVWXYZ"[first 7 digits mod 23]
  it.each([
    ['0442953W', '0442953W'], // 442953 mod 23 = 19 -> W
    ['0756036D', '0756036D'], // 3 -> D
    ['0422170F', '0422170F'], // 5 -> F
    ['0753639Y', '0753639Y'], // 21 -> Y
    ['0912423P', '0912423P'], // 13 -> P
    [' 0753639y ', '0753639Y'],
  ])('accepts %j', (typed, value) => {
    expect(checkUai(typed)).toEqual({ ok: true, value })
  })

  it.each([
    ['0753639A', 'uai_key'],
    ['0442953I', 'uai_key'],
    ['075363Y', 'uai_format'],
    ['07536390', 'uai_format'],
    ['T171435T', 'uai_format'],
    ['<b>0753639Y</b>', 'uai_format'],
    ['', 'uai_format'],
  ])('refuses %j with %s', (typed, code) => {
    expect(checkUai(typed)).toEqual({ ok: false, code })
  })
})
