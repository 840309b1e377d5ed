import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeTypeahead } from '../../src/components/form/code-typeahead'
import { departements } from '../../src/domain/reference/departements'

const options = departements.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))

/** The keys of `code` pressed `gap` ms apart, from `start`: the option picked after the last one. */
function typeCode(code: string, start: number, gap: number) {
  const typeahead = codeTypeahead(() => options)
  return [...code].map((key, i) => typeahead.key(key, start + i * gap)).at(-1)
}

describe('type-ahead by code in the département list', () => {
  it('picks every département by its code typed at an agent’s pace, repeated digits included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...departements.map((d) => d.code)),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 900 }),
        (code, start, gap) => {
          expect(typeCode(code, start, gap)?.value).toBe(code)
          expect(typeCode(code.toLowerCase(), start, gap)?.value).toBe(code)
        },
      ),
    )
    expect(typeCode('33', 0, 120)?.label).toBe('33 – Gironde')
  })

  it('starts a new code after a second without a key, as the browser does', () => {
    const typeahead = codeTypeahead(() => options)
    expect(typeahead.key('7', 0)?.value).toBe('70')
    expect(typeahead.key('5', 300)?.value).toBe('75')
    expect(typeahead.key('3', 1500)?.value).toBe('30')
    expect(typeahead.key('3', 1600)?.value).toBe('33')
  })

  it('starts a new code when the agent comes back to the list', () => {
    const typeahead = codeTypeahead(() => options)
    expect(typeahead.key('4', 0)?.value).toBe('40')
    typeahead.reset()
    expect(typeahead.key('4', 100)?.value).toBe('40')
    expect(typeahead.key('4', 200)?.value).toBe('44')
  })

  it('leaves keys that are no character to the browser', () => {
    const typeahead = codeTypeahead(() => options)
    for (const key of ['Enter', 'Tab', 'ArrowDown', ' ', 'Shift'])
      expect(typeahead.key(key, 0)).toBeUndefined()
  })
})
