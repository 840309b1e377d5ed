import type { Option } from './options'

/** Chromium forgets the letters typed on a list after a second without a key; so does this. */
const PAUSE_MS = 1000

/**
 * Type-ahead by code for a list whose options are codes (the départements: "33 – Gironde"). The
 * browser's own type-ahead takes a repeated character as "next option starting with it", so "33"
 * gave 31 and 22, 44, 55, 66, 77 and 88 could not be typed at all. Here the characters typed in a
 * row make one code: the option that is exactly that code, else the first that starts with it.
 */
export function codeTypeahead(options: () => readonly Option[]) {
  let typed = ''
  let last = -Infinity
  return {
    /** The option for one more key typed at `at` (ms), or undefined to leave the key to the browser. */
    key(key: string, at: number): Option | undefined {
      if ([...key].length !== 1 || key === ' ') return undefined
      typed = at - last > PAUSE_MS ? key.toUpperCase() : typed + key.toUpperCase()
      last = at
      const list = options()
      return (
        list.find((option) => option.value === typed) ?? list.find((option) => option.value.startsWith(typed))
      )
    },
    /** Leaving the list ends the code being typed: coming back starts a new one. */
    reset() {
      typed = ''
      last = -Infinity
    },
  }
}
