import type { Locale } from '../settings'

/** A value of a dropdown: the stored code and what each UI language shows. */
export interface Labelled<C extends string = string> {
  code: C
  label: Record<Locale, string>
  /** What people type for it besides its label (abbreviations, other titles), in any language. */
  typed?: readonly string[]
}

export const codesOf = <C extends string>(items: readonly Labelled<C>[]): C[] =>
  items.map((item) => item.code)
