import { afterEach, describe, expect, it } from 'vitest'
import type { Ref } from 'vue'
import { byteSize } from '../../src/byte-size'
import { i18n } from '../../src/i18n'

afterEach(() => {
  ;(i18n.global.locale as unknown as Ref<string>).value = 'fr'
})

// Intl's spaces (non-breaking, narrow) read as plain ones, to compare with what the agent sees.
const shown = (bytes: number) => byteSize(bytes).replace(/[\u00a0\u202f]/g, ' ')

describe('a size as the desk shows it', () => {
  it('reads Kio and Mio in French, with a decimal comma', () => {
    expect(shown(204_321)).toBe('200 Kio')
    expect(shown(1_312_345)).toBe('1,3 Mio')
    expect(shown(2_712_345)).toBe('2,6 Mio')
    expect(shown(6_800_000)).toBe('6,5 Mio')
    expect(shown(10 * 1024 * 1024)).toBe('10 Mio')
  })

  it('reads KiB and MiB in English, with a decimal point, never the French unit', () => {
    ;(i18n.global.locale as unknown as Ref<string>).value = 'en'
    expect(shown(204_321)).toBe('200 KiB')
    expect(shown(1_312_345)).toBe('1.3 MiB')
    expect(shown(6_800_000)).toBe('6.5 MiB')
    expect(byteSize(2_712_345)).not.toMatch(/io$/)
  })

  it('says nothing is 0, a few bytes 1 Kio, and just under 1 Mio not "1024 Kio"', () => {
    expect(shown(0)).toBe('0 Kio')
    expect(shown(10)).toBe('1 Kio')
    expect(shown(1024 * 1024 - 100)).toBe('1 Mio')
  })
})
