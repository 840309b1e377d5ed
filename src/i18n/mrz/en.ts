import type fr from './fr'

/** The passport MRZ offer (src/components/mrz). */
export default {
  title: 'Passport reading',
  reading: 'Reading the passport’s MRZ…',
  notFound: 'No passport MRZ found on this scan: type the fields by hand, or scan the photo page.',
  unreadable:
    'The MRZ could not be read with certainty (check digits wrong): nothing is offered, check the fields against the passport.',
  failed: 'Reading the passport failed: type the fields by hand.',
  agrees: 'The fields typed agree with the passport.',
  intro: 'The passport offers these values. Choose, field by field, which to keep:',
  field: 'Field',
  typed: 'Typed',
  passport: 'Passport',
  empty: '(empty)',
  keep: 'Keep “{value}”',
  keepEmpty: 'Leave empty',
  use: 'Take “{value}”',
  civilityNote: 'Taken from the sex on the passport: check it with the student.',
  apply: 'Apply choices',
  dismiss: 'Dismiss',
  applied: 'Fields filled from the passport.',
  offered:
    'Passport read: no value to offer | Passport read: 1 value offered, Enter on “Apply choices” puts it in the form. | Passport read: {n} values offered, Enter on “Apply choices” puts them in the form.',
  filled: 'Filled from the passport: {fields}. Check them in the form; they can still be changed.',
  expired: 'Passport expired on {date}: ask for a valid passport.',
  expiresSoon: 'The passport expires on {date}, within 3 months.',
  fields: {
    lastName: 'Last name',
    firstName: 'First name',
    secondFirstName: 'Second first name',
    thirdFirstName: 'Third first name',
    birthDate: 'Date of birth',
    nationality: 'Nationality',
    civility: 'Title',
  },
} satisfies typeof fr
