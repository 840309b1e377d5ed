import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { departements } from '../../src/domain/reference/departements'
import { indexPostalCodes, parsePostalCodes } from '../../src/domain/reference/postal-codes'
import { checkPostalCode } from '../../src/domain/registration/postal-code'

const rows = parsePostalCodes(
  readFileSync(new URL('../../resources/reference/codes_postaux.csv', import.meta.url), 'utf8'),
)
const laPoste = indexPostalCodes(rows)
const listedCodes = [...new Set(rows.map((row) => row.postalCode))]

/**
 * The département a La Poste code names, read from the départements list by hand: metropolitan
 * codes by their 2 digits (Corsica's 20 standing for 2A and 2B), overseas ones by 3, and Monaco's 980.
 */
const codes = new Set(departements.map((departement) => departement.code))
const departementOf = (code: string): string | undefined => {
  if (code.startsWith('20')) return codes.has('2A') && codes.has('2B') ? '2A/2B' : undefined
  if (code.startsWith('980')) return 'Monaco'
  const overseas = code.startsWith('97') || code.startsWith('98')
  const prefix = code.slice(0, overseas ? 3 : 2)
  return codes.has(prefix) ? prefix : undefined
}

const fiveDigits = fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, '0'))

describe('La Poste postal codes', () => {
  it('holds the 35,511 rows shipped, 6,328 postal codes, all of 5 digits', () => {
    expect(rows).toHaveLength(35511)
    expect(listedCodes).toHaveLength(6328)
    expect(rows.every((row) => /^\d{5}$/.test(row.postalCode))).toBe(true)
  })

  it('gives the communes of a postal code', () => {
    expect(laPoste.communes('01000')).toEqual(['BOURG EN BRESSE', 'ST DENIS LES BOURG'])
    expect(laPoste.communes('75002')).toEqual(['PARIS 02'])
    expect(laPoste.communes('97400')).toEqual(['ST DENIS'])
    expect(laPoste.communes('00000')).toEqual([])
  })

  it('accepts every code of the list, without a warning', () => {
    for (const code of listedCodes)
      expect(checkPostalCode(code, 'FR', laPoste.has)).toEqual({ ok: true, value: code })
  })

  it('refuses, warns or accepts every 5-digit string as the départements and communes lists say', () => {
    fc.assert(
      fc.property(fiveDigits, (code) => {
        const checked = checkPostalCode(code, 'FR', laPoste.has)
        if (departementOf(code) === undefined) {
          expect(checked).toEqual({ ok: false, code: 'postal_code_department' })
          expect(laPoste.has(code)).toBe(false)
        } else if (laPoste.has(code)) expect(checked).toEqual({ ok: true, value: code })
        else expect(checked).toEqual({ ok: true, value: code, warning: 'postal_code_unknown' })
      }),
      {
        numRuns: 5_000,
        examples: [['99999'], ['00000'], ['96000'], ['20090'], ['97133'], ['98000'], ['97000']],
      },
    )
  })

  it('refuses 3,700 of the 100,000 5-digit strings: 00, 96 to 99 bar the overseas ones', () => {
    let refused = 0
    for (let n = 0; n < 100_000; n++) {
      const checked = checkPostalCode(String(n).padStart(5, '0'), 'FR')
      if (!checked.ok) {
        expect(checked.code).toBe('postal_code_department')
        refused++
      }
    }
    // 95 metropolitan prefixes (01 to 95, 20 for Corsica) and 13 of 3 digits (971 to 978, 980, 984, 986 to 988).
    expect(refused).toBe(100_000 - 95 * 1000 - 13 * 100)
  })
})
