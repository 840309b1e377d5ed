import type { Check } from './check'
import { fail } from './check'
import { mod23Key, normaliseCode } from './key-letters'

/** UAI (code of a French establishment): 7 digits + the mod-23 key letter of those digits. */
export function checkUai(input: string): Check {
  const uai = normaliseCode(input)
  if (!/^\d{7}[A-Z]$/.test(uai)) return fail('uai_format')
  return mod23Key(uai.slice(0, 7)) === uai.slice(7) ? { ok: true, value: uai } : fail('uai_key')
}
