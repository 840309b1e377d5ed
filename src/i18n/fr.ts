import validation from './validation/fr'

export const fr = {
  app: {
    title: 'Guichet',
    language: 'Langue',
    switchTo: 'English',
    nav: { register: 'Nouveau dossier', settings: 'Réglages' },
    webHost: 'Mode démonstration (navigateur)',
  },
  settings: {
    title: 'Réglages du poste',
    deskId: 'Identifiant du poste',
    eventName: "Nom de l'événement",
    locale: 'Langue par défaut',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés.',
    version: 'Version',
    dataDir: 'Dossier des données',
  },
  /** The registration rules' codes (src/domain/registration/codes.ts). */
  validation,
  /** Failure codes the core answers with (GuichetFailure.code), each area adding its own. */
  errors: {
    internal: "Une erreur inattendue s'est produite. Réessayez ; si elle revient, contactez le support.",
    invalid_request: 'Certaines valeurs ne sont pas valides : corrigez les champs signalés.',
    desk_id_format: 'Lettres, chiffres et tirets seulement, par exemple paris-salon-3.',
  },
}
