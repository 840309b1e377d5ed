import { describe, expect, it } from 'vitest'
import { isPassportShortcut } from '../../src/components/documents/passport-shortcut'
import { firstToFill } from '../../src/components/form/next-stop'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

describe('the passport shortcut', () => {
  it('is Alt+P and no other chord of P', () => {
    const chords = [false, true].flatMap((altKey) =>
      [false, true].flatMap((ctrlKey) =>
        [false, true].flatMap((shiftKey) =>
          [false, true].map((metaKey) => ({ altKey, ctrlKey, shiftKey, metaKey })),
        ),
      ),
    )
    const taken = chords.filter((chord) => isPassportShortcut(key({ key: 'p', code: 'KeyP', ...chord })))
    // Ctrl+Alt is AltGr on Windows layouts: a character, not the shortcut.
    expect(taken).toEqual([{ altKey: true, ctrlKey: false, shiftKey: false, metaKey: false }])
  })

  it('goes by the letter of the layout, by the key’s place only where Alt makes another character', () => {
    expect(isPassportShortcut(key({ key: 'p', code: 'KeyR', altKey: true }))).toBe(true) // Dvorak
    expect(isPassportShortcut(key({ key: 'l', code: 'KeyP', altKey: true }))).toBe(false) // Dvorak's L
    expect(isPassportShortcut(key({ key: 'π', code: 'KeyP', altKey: true }))).toBe(true) // macOS Option+P
    expect(isPassportShortcut(key({ key: 'o', code: 'KeyO', altKey: true }))).toBe(false)
  })
})

describe('the first thing the form still needs', () => {
  function form(html: string): HTMLFormElement {
    const element = document.createElement('form')
    element.innerHTML = html
    document.body.replaceChildren(element)
    return element
  }

  it('is the first required field left empty, past filled, optional and disabled ones and checkboxes', () => {
    const found = firstToFill(
      form(`
        <select id="civility" aria-required="true"><option value="M" selected>M.</option></select>
        <input id="second" value="" />
        <input id="ine" aria-required="true" value="" disabled />
        <input id="noIne" type="checkbox" />
        <input id="email" aria-required="true" value="  " />
        <input id="mobile" aria-required="true" value="" />
        <button id="choose-identity" data-enter-stop>…</button>`),
    )
    expect(found?.id).toBe('email')
  })

  it('is a document slot still without its file once every field is filled, and nothing after that', () => {
    expect(
      firstToFill(
        form(
          `<input aria-required="true" value="x" /><button id="choose-enrollment" data-enter-stop>…</button>`,
        ),
      )?.id,
    ).toBe('choose-enrollment')
    expect(
      firstToFill(form(`<input aria-required="true" value="x" /><button id="choose-identity">…</button>`)),
    ).toBe(null)
  })
})
