import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { departmentOptions } from '../../src/components/form/department-options'
import { typeaheadPick } from '../../src/components/form/typeahead'

/** The département the closed list is on once `code` is typed on it key by key, from `current`. */
function typeCode(code: string, current: string | null) {
  let on = current
  for (let end = 1; end <= code.length; end++) {
    on = typeaheadPick(departmentOptions, code.slice(0, end), on)?.value ?? on
  }
  return on
}

describe('type-ahead by code in the département list', () => {
  it('picks every département by its code, repeated digits included, whichever it was on', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...departmentOptions.map((option) => option.value)),
        fc.constantFrom(null, ...departmentOptions.map((option) => option.value)),
        (code, current) => {
          expect(typeCode(code, current)).toBe(code)
          expect(typeCode(code.toLowerCase(), current)).toBe(code)
        },
      ),
    )
    expect(departmentOptions.find((option) => option.value === typeCode('33', null))?.label).toBe(
      '33 – Gironde',
    )
  })
})
