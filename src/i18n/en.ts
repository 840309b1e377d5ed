import type { Messages } from '.'
import validation from './validation/en'
import form, { formErrors } from './form/en'
import documents, { documentErrors } from './documents/en'
import mrz from './mrz/en'
import settings, { settingsErrors } from './settings/en'
import queue, { queueErrors } from './queue/en'
import enrollment, { enrollmentErrors } from './enrollment/en'
import session, { sessionErrors } from './session/en'

export const en: Messages = {
  app: {
    title: 'Guichet',
    language: 'Language: Français',
    switchTo: 'Français',
    nav: { register: 'New registration', settings: 'Settings' },
    webHost: 'Demo mode (browser)',
    /** A size in binary units (src/byte-size.ts), with a non-breaking space. */
    size: { kib: '{n}\u00a0KiB', mib: '{n}\u00a0MiB' },
  },
  settings,
  queue,
  enrollment,
  session,
  /** The registration rules' codes (src/domain/registration/codes.ts). */
  validation,
  form,
  documents,
  mrz,
  /** Failure codes the core answers with (GuichetFailure.code), each area adding its own. */
  errors: {
    internal: 'Something unexpected went wrong. Try again; if it happens again, contact support.',
    invalid_request: 'Some values are not valid: correct the fields marked.',
    disk_full:
      "The desk's disk is full (or read-only): nothing was saved this time, and everything saved before is kept. Free some space (empty the recycle bin, move large files off it) and try again.",
    desk_id_format: 'Letters, digits and hyphens only, for example paris-fair-3.',
    ...formErrors,
    ...documentErrors,
    ...settingsErrors,
    ...queueErrors,
    ...enrollmentErrors,
    ...sessionErrors,
  },
}
