import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { indexPostalCodes, parsePostalCodes } from '../../src/domain/reference/postal-codes'
import { checkPostalCode } from '../../src/domain/registration/postal-code'

const rows = parsePostalCodes(
  readFileSync(new URL('../../resources/reference/codes_postaux.csv', import.meta.url), 'utf8'),
)
const laPoste = indexPostalCodes(rows)

describe('La Poste postal codes', () => {
  it('holds the 35,511 rows shipped, 6,328 postal codes, all of 5 digits', () => {
    expect(rows).toHaveLength(35511)
    expect(new Set(rows.map((row) => row.postalCode)).size).toBe(6328)
    expect(rows.every((row) => /^\d{5}$/.test(row.postalCode))).toBe(true)
  })

  it('gives the communes of a postal code', () => {
    expect(laPoste.communes('01000')).toEqual(['BOURG EN BRESSE', 'ST DENIS LES BOURG'])
    expect(laPoste.communes('75002')).toEqual(['PARIS 02'])
    expect(laPoste.communes('97400')).toEqual(['ST DENIS'])
    expect(laPoste.communes('00000')).toEqual([])
  })

  it('lets the postal code rule refuse a code that does not exist', () => {
    expect(checkPostalCode('97400', 'RE', laPoste.has)).toEqual({ ok: true, value: '97400' })
    expect(checkPostalCode('75099', 'FR', laPoste.has)).toEqual({ ok: false, code: 'postal_code_unknown' })
  })
})
