import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadReferenceData } from '../../electron/core/reference-data'
import { checkUai } from '../../src/domain/registration/uai'

const reference = loadReferenceData(fileURLToPath(new URL('../../resources', import.meta.url)))

describe('the reference lists shipped in resources/', () => {
  it('name the listed establishments whose UAI key does not check, so the form can accept them', () => {
    expect(checkUai('0751150E').ok).toBe(false)
    expect(reference.uaiExceptions).toContain('0751150E')
    expect(reference.uaiExceptions.every((uai) => reference.establishments.byUai.has(uai))).toBe(true)
    expect(reference.uaiExceptions.length).toBeLessThan(30)
  })

  it('give the communes of a postal code', () => {
    expect(reference.postalCodes.communes('01090')).toEqual(
      expect.arrayContaining(['FRANCHELEINS', 'GENOUILLEUX']),
    )
  })
})
