import { describe, expect, it } from 'vitest'
// vue-i18n's own compiler, as the renderer runs it: a syntax error there breaks the message on screen.
import { baseCompile } from '@intlify/message-compiler'
import { en } from '../../src/i18n/en'
import { fr } from '../../src/i18n/fr'

/** Every message of a catalogue with its key path. */
function messages(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : messages(value as object, `${prefix}${key}.`),
  )
}

describe('French typography in every message', () => {
  const all = messages(fr)

  const words = (text: string) => text.replace(/\{[^}]*\}/g, '')

  it('puts a non-breaking space before : ; ? ! and uses typographic apostrophes', () => {
    const wrong = all.filter(([, text]) => / [:;?!]/.test(words(text)) || /'/.test(words(text)))
    expect(wrong).toEqual([])
  })

  it('goes on in lower case after a colon or a semicolon (key and product names excepted)', () => {
    const names = new Set(['Tab', 'Ctrl', 'Alt', 'Entrée', 'Guichet', 'MesServices', 'Crous', 'English'])
    const wrong = all.filter(([, text]) =>
      [...words(text).matchAll(/\u00a0[:;] (\p{Lu}\p{Ll}*)/gu)].some(([, word]) => !names.has(word ?? '')),
    )
    expect(wrong).toEqual([])
  })

  it('says "courriel" for e-mail, one word everywhere, and never "(s)" for a plural', () => {
    const wrong = all.filter(([, text]) => /\be-?mail\b|\(s\)/i.test(words(text)))
    expect(wrong).toEqual([])
  })
})

describe('English wording', () => {
  it('spells "email" one way, as the form labels do ("Email address")', () => {
    const wrong = messages(en).filter(([, text]) => /\be-mail/i.test(text))
    expect(wrong).toEqual([])
  })
})

describe('every message compiles in both languages', () => {
  it('has no text vue-i18n would read as syntax (a bare @ is a linked message)', () => {
    const errors: string[] = []
    for (const [locale, catalogue] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      for (const [key, text] of messages(catalogue)) {
        baseCompile(text, { onError: (error) => errors.push(`${locale}.${key}: ${error.message}`) })
      }
    }
    expect(errors).toEqual([])
  })
})
