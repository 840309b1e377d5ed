import type { Labelled } from '../../domain/reference/labels'
import type { Locale } from '../../domain/settings'

/** What a <select> of the form lists: the stored code and the text shown in the UI language. */
export interface Option {
  value: string
  label: string
  /** Other words that pick it when typed on the closed list (see typeahead.ts). */
  typed?: readonly string[]
}

export const optionsOf = (items: readonly Labelled[], locale: Locale): Option[] =>
  items.map((item) => ({
    value: item.code,
    label: item.label[locale],
    ...(item.typed && { typed: item.typed }),
  }))
