import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('give the département of a listed establishment, which the form checks against the one chosen', () => {
    const context = reference.context(new Date())
    expect(context.departmentOf?.('0692437Z')).toBe('69')
    expect(context.departmentOf?.('0000000A')).toBeUndefined()
  })

  it('give the communes of a postal code', () => {
    expect(reference.postalCodes.communes('01090')).toEqual(
      expect.arrayContaining(['FRANCHELEINS', 'GENOUILLEUX']),
    )
  })
})

describe('loading the reference lists', () => {
  it('reads nothing until a list is used, then each list once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-reference-'))
    try {
      const lazy = loadReferenceData(dir)
      // Nothing read yet: a desk that starts on its queue does not wait for 35,000 postal codes.
      mkdirSync(join(dir, 'reference'))
      for (const name of ['etablissements.csv', 'codes_postaux.csv']) {
        copyFileSync(
          fileURLToPath(new URL(`../../resources/reference/${name}`, import.meta.url)),
          join(dir, 'reference', name),
        )
      }
      expect(lazy.postalCodes.has('75005')).toBe(true)
      const first = lazy.establishments
      rmSync(join(dir, 'reference'), { recursive: true })
      expect(lazy.establishments).toBe(first)
      expect(lazy.uaiExceptions).toContain('0751150E')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
