import { createI18n } from 'vue-i18n'
import { en } from './en'
import { fr } from './fr'

export type Messages = typeof fr

/** French first: the desk's default; English for the student reading along. */
export const i18n = createI18n<[Messages], 'fr' | 'en'>({
  legacy: false,
  locale: 'fr',
  fallbackLocale: 'fr',
  messages: { fr, en },
})
