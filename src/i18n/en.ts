import type { Messages } from '.'
import validation from './validation/en'

export const en: Messages = {
  app: {
    title: 'Guichet',
    language: 'Language',
    switchTo: 'Français',
    nav: { register: 'New registration', settings: 'Settings' },
    webHost: 'Demo mode (browser)',
  },
  settings: {
    title: 'Desk settings',
    deskId: 'Desk id',
    eventName: 'Event name',
    locale: 'Default language',
    save: 'Save',
    saved: 'Settings saved.',
    version: 'Version',
    dataDir: 'Data folder',
  },
  /** The registration rules' codes (src/domain/registration/codes.ts). */
  validation,
  /** Failure codes the core answers with (GuichetFailure.code), each area adding its own. */
  errors: {
    internal: 'Something unexpected went wrong. Try again; if it happens again, contact support.',
    invalid_request: 'Some values are not valid: correct the fields marked.',
    desk_id_format: 'Letters, digits and hyphens only, for example paris-fair-3.',
  },
}
