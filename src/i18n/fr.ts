import validation from './validation/fr'
import form, { formErrors } from './form/fr'
import documents, { documentErrors } from './documents/fr'
import mrz from './mrz/fr'
import settings, { settingsErrors } from './settings/fr'
import queue, { queueErrors } from './queue/fr'
import enrollment, { enrollmentErrors } from './enrollment/fr'
import session, { sessionErrors } from './session/fr'

export const fr = {
  app: {
    title: 'Guichet',
    /** The language button's name for a screen reader: where it leads. */
    language: 'Langue : English',
    switchTo: 'English',
    nav: { register: 'Nouveau dossier', settings: 'Réglages' },
    webHost: 'Mode démonstration (navigateur)',
    /** A size in binary units (src/byte-size.ts), with a non-breaking space. */
    size: { kib: '{n}\u00a0Kio', mib: '{n}\u00a0Mio' },
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
    internal: 'Une erreur inattendue s’est produite. Réessayez ; si elle revient, contactez le support.',
    invalid_request: 'Certaines valeurs ne sont pas valides : corrigez les champs signalés.',
    disk_full:
      'Le disque du poste est plein (ou en lecture seule) : rien n’a été enregistré cette fois, tout ce qui l’était avant est conservé. Libérez de la place (videz la corbeille, déplacez de gros fichiers) puis réessayez.',
    desk_id_format: 'Lettres, chiffres et tirets seulement, par exemple paris-salon-3.',
    ...formErrors,
    ...documentErrors,
    ...settingsErrors,
    ...queueErrors,
    ...enrollmentErrors,
    ...sessionErrors,
  },
}
