import { describe, expect, it } from 'vitest'
import { validationCodes, warningCodes } from '../../src/domain/registration/codes'

/**
 * Loaded by path: the dictionaries belong to the renderer's TypeScript project, where `satisfies
 * Record<MessageCode, string>` already checks them; this checks what ships at run time.
 */
const dictionary = async (locale: string): Promise<Record<string, string>> =>
  ((await import(`../../src/i18n/validation/${locale}.ts`)) as { default: Record<string, string> }).default
const [fr, en] = await Promise.all([dictionary('fr'), dictionary('en')])

describe('validation messages', () => {
  it('has a French and an English sentence for every code, and nothing else', () => {
    const codes = [...validationCodes, ...warningCodes].sort()
    expect(Object.keys(fr).sort()).toEqual(codes)
    expect(Object.keys(en).sort()).toEqual(codes)
  })

  it('never leaves a sentence empty or equal to its code', () => {
    for (const [code, sentence] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(sentence.length, code).toBeGreaterThan(15)
      expect(sentence).not.toBe(code)
    }
  })
})
