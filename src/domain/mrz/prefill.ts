import { dayFirst, parseBirthDate } from '../registration/birth-date'
import { nationalityFromMrz } from './nationality'
import type { MrzFields } from './parse'
import { sameNameAsMrz } from './transliterate'

/** The form fields an MRZ can fill, in the form's order. */
export const prefillFields = [
  'civility',
  'lastName',
  'firstName',
  'secondFirstName',
  'thirdFirstName',
  'birthDate',
  'nationality',
] as const
export type PrefillField = (typeof prefillFields)[number]

export type PrefillValues = Partial<Record<PrefillField, string | null | undefined>>

/**
 * One field's offer: `empty` when nothing is typed (filled unless the agent declines; the civility
 * too, from the sex when it is F or M, shown with a note to check it with the student), `differs`
 * when the typed value is not the MRZ's, or an empty given name beside typed ones (the agent chooses,
 * the typed value by default). A field that agrees, or that the MRZ cannot fill, has none.
 */
export interface PrefillOffer {
  field: PrefillField
  typed: string
  proposed: string
  state: 'empty' | 'differs'
}

/** Whether the offer takes the passport's value until the agent says otherwise: only into an empty field. */
export const takenByDefault = (offer: PrefillOffer): boolean => offer.state === 'empty'

/** What the MRZ would put in each field, in the form's own terms. */
function proposals(fields: MrzFields): Partial<Record<PrefillField, string>> {
  const [first, second, ...rest] = (fields.firstNames ?? '').split(' ').filter(Boolean)
  const nationality = fields.nationality === null ? null : nationalityFromMrz(fields.nationality)
  const civility = fields.sex === 'F' ? 'MME' : fields.sex === 'M' ? 'M' : null
  const out: Partial<Record<PrefillField, string>> = {
    lastName: fields.lastName ?? undefined,
    firstName: first,
    secondFirstName: second,
    thirdFirstName: rest.length ? rest.join(' ') : undefined,
    birthDate: fields.birthDate ? dayFirst(fields.birthDate) : undefined,
    nationality: nationality ?? undefined,
    civility: civility ?? undefined,
  }
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value)) as typeof out
}

/** Whether a typed value says the same as the MRZ's proposal for `field`. */
function agrees(field: PrefillField, typed: string, proposed: string, truncatedName: boolean): boolean {
  switch (field) {
    case 'birthDate':
      return parseBirthDate(typed) === parseBirthDate(proposed)
    case 'nationality':
    case 'civility':
      return typed.toUpperCase() === proposed
    default:
      // The MRZ spells a name without accents: the typed name's transliteration is what is compared.
      return sameNameAsMrz(typed, proposed, truncatedName)
  }
}

const givenNameFields: readonly PrefillField[] = ['firstName', 'secondFirstName', 'thirdFirstName']

/**
 * The MRZ writes "Hans-Peter Karl" as HANS<PETER<KARL: where the given names go in the form's three
 * fields is the student's, not the MRZ's. So the typed ones are also compared as one list (when it
 * agrees, nothing is offered), and an empty field is filled by default only while every typed one is
 * the MRZ's for its field: after "Hans-Peter", PETER would be written a second time.
 */
function givenNames(
  fields: MrzFields,
  form: PrefillValues,
  proposed: Partial<Record<PrefillField, string>>,
  truncatedName: boolean,
) {
  const typed = givenNameFields.flatMap((field) => {
    const value = (form[field] ?? '').trim()
    return value === '' ? [] : [{ field, value }]
  })
  const list = typed.map(({ value }) => value).join(' ')
  return {
    agree: typed.length > 0 && sameNameAsMrz(list, fields.firstNames ?? '', truncatedName),
    fieldByField: typed.every(({ field, value }) => {
      const mrz = proposed[field]
      return mrz !== undefined && agrees(field, value, mrz, truncatedName)
    }),
  }
}

/**
 * The offers an MRZ makes to the form as it stands. `truncatedName` says the MRZ's name zone was full,
 * so its last name may be cut short.
 */
export function prefillOffers(fields: MrzFields, form: PrefillValues, truncatedName = false): PrefillOffer[] {
  const proposed = proposals(fields)
  const given = givenNames(fields, form, proposed, truncatedName)
  return prefillFields.flatMap((field): PrefillOffer[] => {
    const value = proposed[field]
    if (value === undefined) return []
    const typed = (form[field] ?? '').trim()
    const isGiven = givenNameFields.includes(field)
    if (isGiven && given.agree && !given.fieldByField) return []
    if (typed === '' && !(isGiven && !given.fieldByField))
      return [{ field, typed, proposed: value, state: 'empty' }]
    return typed !== '' && agrees(field, typed, value, truncatedName)
      ? []
      : [{ field, typed, proposed: value, state: 'differs' }]
  })
}
