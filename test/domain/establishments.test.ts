import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  findEstablishment,
  indexEstablishments,
  parseEstablishments,
  searchEstablishments,
} from '../../src/domain/reference/establishments'
import { isDepartementCode } from '../../src/domain/reference/departements'
import { foldForSearch } from '../../src/domain/reference/fold'

const csv = readFileSync(new URL('../../resources/reference/etablissements.csv', import.meta.url), 'utf8')
const rows = parseEstablishments(csv)
const index = indexEstablishments(rows)
const names = (typed: string, department?: string) =>
  searchEstablishments(index, typed, { department, limit: 5 }).map((found) => found.name)

describe('establishments list', () => {
  it('holds the 4,136 rows shipped, each with a UAI, a name and a known département or none (abroad)', () => {
    const misfiled = rows.filter((row) => row.department !== '' && !isDepartementCode(row.department))
    expect(misfiled.map((row) => `${row.uai} ${row.department}`)).toEqual([])
    expect(rows).toHaveLength(4136)
    expect(new Set(rows.map((row) => row.uai)).size).toBe(4136)
    for (const row of rows) {
      expect(row.uai).toMatch(/^[0-9A-Z]{7}[A-Z]$/)
      expect(row.name).not.toBe('')
    }
    expect(csv).not.toContain('"')
  })

  it('files Polynesia and New Caledonia under INSEE’s 987 and 988, as the form’s départements are', () => {
    // Parcoursup wrote the rectorat's code (984, 983). 984 is INSEE's French Southern Territories: a
    // Tahiti lycée was found under them, sent with them, and missing under 987.
    expect(names('Paul Gauguin', '987')).toEqual(['Lycee Paul Gauguin'])
    expect(findEstablishment(index, '9830707B')?.department).toBe('988')
    expect(rows.filter((row) => row.department === '984')).toEqual([])
  })

  it('finds by exact acronym first, whatever the case', () => {
    expect(names('amu')[0]).toBe('Aix-Marseille Université')
    expect(names('ENSICAEN')).toEqual(["École nationale supérieure d'ingénieurs de Caen"])
  })

  it('ranks a word starting with the query before names that merely contain it', () => {
    const found = names('sorbonne')
    expect(found[0]).toBe('Sorbonne Université')
    expect(found.slice(1).every((name) => !name.startsWith('Sorbonne'))).toBe(true)
  })

  it('lists a town’s universities first, then the ministry’s other establishments, then Parcoursup’s programmes', () => {
    // The desk walk typed these: a sports centre, an art school's programme, an IUT came first.
    expect(names('Strasbourg', '67')[0]).toBe('Université de Strasbourg')
    expect(names('Montpellier', '34').slice(0, 2)).toEqual([
      'Université de Montpellier',
      'Université de Montpellier Paul-Valéry',
    ])
    expect(names('Lyon 3', '69')[0]).toBe('Université Jean Moulin - Lyon 3')
    expect(names('Lille', '59')[0]).toBe('Université de Lille')
    // Every university, looked for by its town in its département, comes before anything else.
    for (const university of rows.filter((row) => row.type === 'Université' && row.commune)) {
      const found = searchEstablishments(index, university.commune, { department: university.department })
      const firstOther = found.findIndex((row) => row.type !== 'Université')
      const at = found.findIndex((row) => row.uai === university.uai)
      expect(at, `${university.name} for "${university.commune}"`).toBeGreaterThanOrEqual(0)
      if (firstOther >= 0)
        expect(at, `${university.name} for "${university.commune}"`).toBeLessThan(firstOther)
      const standings = found.map((row) =>
        row.type === 'Université' ? 0 : row.type.startsWith('Parcoursup') ? 2 : 1,
      )
      expect(standings).toEqual([...standings].sort((a, b) => a - b))
    }
  })

  it('ignores accents and punctuation, and finds by commune', () => {
    expect(names('Mines de Saint-Étienne')).toContain('Ecole des Mines de Saint Etienne')
    expect(names('ecole normale superieure de lyon')).toEqual(['École normale supérieure de Lyon'])
    expect(names('noumea')).toEqual(['Université de la Nouvelle-Calédonie'])
  })

  it('finds words typed out of order', () => {
    expect(searchEstablishments(index, 'lyon claude bernard').map((found) => found.uai)).toContain('0691774D')
  })

  it('keeps to the chosen département', () => {
    const found = searchEstablishments(index, 'lycee', { department: '974' })
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((row) => row.department === '974')).toBe(true)
  })

  it('waits for 3 letters', () => {
    expect(names('am')).toEqual([])
    expect(names(' é-')).toEqual([])
  })

  it('finds a UAI of the list, including the ones published with a wrong key', () => {
    expect(findEstablishment(index, '0134009M')?.acronym).toBe('amU')
    expect(findEstablishment(index, '0315550I')?.name).toBe('IPSA Toulouse')
    expect(findEstablishment(index, '0000000A')).toBeUndefined()
  })

  it('says which line is broken in a damaged file', () => {
    expect(() => parseEstablishments('uai;name;acronym;type;department;commune\n0134009M;AMU\n')).toThrow(
      /line 2/,
    )
    expect(() => parseEstablishments('uai;nom\n')).toThrow(/column "name"/)
  })
})

describe('the search index', () => {
  it('finds an establishment by its words whatever its name, acronym and commune hold', () => {
    const text = fc.string({ unit: fc.constantFrom(..."aÉé œ-.'’ 1Lyonß\u0301ΣΑ".split('')), maxLength: 12 })
    fc.assert(
      fc.property(text, text, text, (name, acronym, commune) => {
        const establishment = { uai: '0000000A', name, acronym, type: '', department: '75', commune }
        const [entry] = indexEstablishments([establishment]).entries
        // Folded field by field, the words are those of the three fields folded together.
        expect(entry?.words).toBe(` ${foldForSearch(`${name} ${acronym} ${commune}`)}`)
      }),
    )
  })
})
