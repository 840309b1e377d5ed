import { parseSemicolonCsv } from './csv'
import { foldForSearch } from './fold'

/** One row of resources/reference/etablissements.csv (see SOURCE.md there). Empty fields are ''. */
export interface Establishment {
  uai: string
  name: string
  acronym: string
  type: string
  /** INSEE code of the département; '' for the French establishments abroad. */
  department: string
  commune: string
}

const COLUMNS = ['uai', 'name', 'acronym', 'type', 'department', 'commune'] as const

export const parseEstablishments = (csv: string): Establishment[] => parseSemicolonCsv(csv, COLUMNS)

export const MIN_QUERY_LENGTH = 3

interface Entry {
  establishment: Establishment
  acronym: string
  name: string
  /** Name, acronym and commune, folded, with a space in front so " word" finds a word start. */
  words: string
  /** Lower first among equal matches: see `standing`. */
  standing: number
}

/** Folded once, searched on every keystroke. */
export interface EstablishmentIndex {
  entries: Entry[]
  byUai: Map<string, Establishment>
}

export function indexEstablishments(rows: readonly Establishment[]): EstablishmentIndex {
  return {
    entries: rows.map((establishment) => {
      const acronym = foldForSearch(establishment.acronym)
      const name = foldForSearch(establishment.name)
      // Folded once each: folding the three joined would fold the name and acronym a second time.
      const words = [name, acronym, foldForSearch(establishment.commune)].filter(Boolean).join(' ')
      return { establishment, acronym, name, words: ` ${words}`, standing: standing(establishment) }
    }),
    byUai: new Map(rows.map((row) => [row.uai, row])),
  }
}

/**
 * Most students registered at a desk go to a university, then to a school of the ministry's list; the
 * Parcoursup rows are programmes of lycées, IUTs and private schools. A town typed ("Strasbourg")
 * matches them all alike, and alphabetical order put a sports centre (CREPS) before the university.
 */
function standing({ type }: Establishment): number {
  if (type === 'Université') return 0
  return type.startsWith('Parcoursup') ? 2 : 1
}

/** Lower is better; undefined: no match. */
function rank(entry: Entry, query: string, queryWords: string[]): number | undefined {
  if (entry.acronym === query) return 0
  // A name starting with a town typed is no better a match than a name holding it: "Montpellier
  // Contemporain" (an art school's programme) must not come before "Université de Montpellier".
  if (entry.words.includes(` ${query}`)) return 1
  if (entry.words.includes(query)) return 2
  // "univ lyon" for "Université Claude Bernard Lyon 1": every typed word starts a word, in any order.
  if (queryWords.length > 1 && queryWords.every((word) => entry.words.includes(` ${word}`))) return 3
  return undefined
}

export interface EstablishmentSearch {
  /** INSEE code of a département: only its establishments. */
  department?: string | null
  limit?: number
}

/**
 * Establishments whose name, acronym or commune matches what was typed (from 3 letters, accents and
 * case ignored): exact acronym first, then a word of the name, acronym or commune starting with it,
 * then anywhere; within a rank, universities, then the ministry's other establishments, then Parcoursup's
 * programmes, each alphabetical.
 */
export function searchEstablishments(
  index: EstablishmentIndex,
  typed: string,
  { department, limit = 50 }: EstablishmentSearch = {},
): Establishment[] {
  const query = foldForSearch(typed)
  if (query.replace(/ /g, '').length < MIN_QUERY_LENGTH) return []
  const queryWords = query.split(' ')
  return index.entries
    .filter((entry) => !department || entry.establishment.department === department)
    .flatMap((entry) => {
      const found = rank(entry, query, queryWords)
      return found === undefined ? [] : [{ entry, found }]
    })
    .sort(
      (a, b) =>
        a.found - b.found || a.entry.standing - b.entry.standing || a.entry.name.localeCompare(b.entry.name),
    )
    .slice(0, limit)
    .map(({ entry }) => entry.establishment)
}

export const findEstablishment = (index: EstablishmentIndex, uai: string): Establishment | undefined =>
  index.byUai.get(uai)
