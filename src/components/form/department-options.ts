import { departements } from '../../domain/reference/departements'
import type { Option } from './options'

/**
 * The département list: "33 – Gironde", with the code as a word of its own, so the list types it
 * whole (typeahead.ts). The browser's type-ahead took "33" as the second département starting with
 * 3 (31), and 22, 44, 55, 66, 77 and 88 could not be typed at all.
 */
export const departmentOptions: Option[] = departements.map((d) => ({
  value: d.code,
  label: `${d.code} – ${d.name}`,
  typed: [d.code],
}))
