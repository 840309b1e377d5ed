/** The queue screen, the online indicator and the e-mail check (src/components/queue, src/views/QueueView). */
export default {
  title: 'File d’attente',
  nav: 'File d’attente',
  navCount: 'File d’attente ({count})',
  states: {
    queued: 'En attente d’envoi',
    sending: 'Envoi en cours',
    awaiting_documents: 'Documents en cours d’envoi',
    retry_wait: 'Nouvel essai prévu',
    needs_attention: 'À corriger',
    submitted: 'Envoyé',
  },
  counts: 'Dossiers par état',
  countOf: '{state} : {count}',
  all: 'Tous les dossiers',
  columns: {
    reference: 'Référence',
    name: 'Nom',
    email: 'Adresse courriel',
    capturedAt: 'Saisi le',
    state: 'État',
    attempts: 'Essais',
    problem: 'Dernière erreur',
    actions: 'Actions',
  },
  purged: 'Données effacées après la durée de conservation',
  nextAttempt: 'Prochain essai : {at}',
  serverStatus: 'Statut sur le serveur : {status}',
  serverStatuses: {
    submitted: 'reçu',
    verified: 'compte créé',
    rejected: 'refusé',
    awaiting_documents:
      'incomplet, documents manquants et compte de l’étudiant non créé : enregistrez de nouveau l’étudiant avec ses documents',
    other: 'en cours de traitement',
  },
  empty: 'Aucun dossier dans la file.',
  more: 'Afficher les dossiers suivants',
  retryAll: 'Réessayer',
  retryOne: 'Réessayer {reference}',
  correct: 'Corriger',
  correctOne: 'Corriger {reference}',
  discard: 'Supprimer',
  discardOne: 'Supprimer {reference}',
  pause: 'Suspendre l’envoi',
  resume: 'Reprendre l’envoi',
  paused: 'L’envoi est suspendu : aucun dossier ne part avant « Reprendre l’envoi ».',
  lastSync: 'Dernière synchronisation réussie : {at}',
  neverSynced: 'Aucun envoi réussi pour l’instant.',
  uploading: 'Envoi des documents de {reference}',
  uploadingBytes: '{sent} sur {total}',
  changed: '{reference} : {state}',
  correcting: 'Dossier {reference} rouvert pour correction.',
  discarded: 'Le dossier {reference} a été supprimé.',
  dialog: {
    title: 'Supprimer le dossier {reference} ?',
    body: 'Le dossier de {name} ({reference}) n’a pas été reçu par le serveur. Il sera effacé de ce poste avec ses documents, sans retour possible.',
    bodyPurged:
      'Le dossier {reference} n’a pas été reçu par le serveur. Il sera effacé de ce poste, sans retour possible.',
    typeReference: 'Pour confirmer, saisissez la référence {reference}',
    confirm: 'Supprimer définitivement',
    cancel: 'Annuler',
  },
  /** Why a record waits or needs a person, by RecordProblem.code: what the agent can do about it. */
  scanLostHeld:
    'Un scan de ce dossier ne peut plus être lu sur le poste (manquant, abîmé ou modifié) et le serveur détient déjà le dossier sans lui, qui ne peut donc plus être corrigé : supprimez-le et enregistrez de nouveau l’étudiant avec le document.',
  problems: {
    email_taken:
      'Cette adresse courriel a déjà un compte MesServices : demandez à l’étudiant une autre adresse, corrigez le dossier et envoyez-le à nouveau.',
    validation_failed:
      'Le serveur a refusé certains champs : modifiez les champs signalés dans le dossier avec l’étudiant, puis envoyez-le à nouveau.',
    idempotency_key_reuse:
      'Le serveur détient déjà ce dossier avec un autre contenu : ne le renvoyez pas, contactez le support.',
    request_in_progress: 'Le serveur traite encore un envoi précédent ; le poste réessaiera tout seul.',
    documents_missing: 'Il manque encore des documents sur le serveur ; le poste les renverra tout seul.',
    network: 'Le serveur est injoignable (pas de réseau ?) ; le poste réessaiera tout seul.',
    timeout: 'Le serveur n’a pas répondu à temps ; le poste réessaiera tout seul.',
    unexpected_answer:
      'La réponse ne venait pas du serveur (page de connexion du Wi-Fi ?) : connectez le poste au Wi-Fi ; le poste réessaiera tout seul.',
    unauthorized:
      'Le serveur a refusé le jeton du poste : un administrateur doit enregistrer un nouveau jeton dans les Réglages.',
    forbidden:
      'Le serveur a refusé le jeton du poste : un administrateur doit enregistrer un nouveau jeton dans les Réglages.',
    too_large:
      'Un document dépasse 10 Mio : corrigez le dossier et remplacez ce document par un scan plus léger.',
    unsupported_media_type:
      'Le serveur n’accepte pas le type d’un document : corrigez le dossier et remplacez-le par un PDF ou un JPEG.',
    digest_mismatch: 'Un document a été abîmé en route ou sur le poste ; le poste réessaiera tout seul.',
    not_found: 'Un document de ce dossier manque : corrigez le dossier et ajoutez-le à nouveau.',
    document_missing: 'Un scan manque sur le poste : corrigez le dossier et ajoutez le document à nouveau.',
    document_damaged:
      'Le fichier d’un scan sur le poste est abîmé ou incomplet : corrigez le dossier et ajoutez le document à nouveau depuis l’original.',
    decrypt_failed:
      'Un document ne peut plus être lu sur ce poste : corrigez le dossier et ajoutez-le à nouveau.',
    document_altered:
      'Un scan de ce dossier n’est pas celui qui a été scellé avec lui (la base du poste a été modifiée hors de Guichet) : il n’est pas envoyé, et rien n’a été supprimé. Corriger ou supprimer un dossier rend à son dossier le scan d’un autre qu’il contient ; corrigez ensuite celui-ci pour l’envoyer. Signalez la référence au support.',
    internal:
      'Une anomalie du poste, pas du réseau, a interrompu l’envoi ; elle est notée dans le journal du poste. Le poste réessaiera tout seul ; si cela persiste, contactez le support avec la référence.',
    retry: 'Le serveur est indisponible ou surchargé ; le poste réessaiera tout seul.',
    refused: 'Le serveur a refusé ce dossier : contactez le support avec la référence.',
  },
  online: {
    label: 'Connexion :',
    online: 'En ligne',
    offline: 'Hors ligne',
    captivePortal: 'Wi-Fi : connexion requise',
    paused: 'Envoi suspendu',
    unauthorized: 'Poste à réinstaller : jeton refusé',
    notConfigured: 'Poste non configuré (réglages incomplets)',
    keychainUnavailable: 'Envoi en attente : déverrouillez le trousseau de la session',
  },
  verify: {
    legend: 'Vérification de l’adresse courriel',
    send: 'Envoyer le code',
    sendAgain: 'Renvoyer le code',
    sent: 'Code envoyé à {email}. Demandez à l’étudiant les 6 lettres reçues.',
    code: 'Code reçu (6 lettres)',
    confirm: 'Vérifier',
    verified: 'Adresse vérifiée.',
    offline:
      'Hors ligne : le serveur vérifiera l’adresse plus tard par courriel. Vous pouvez envoyer le dossier.',
    optional: 'Facultatif : le dossier peut être envoyé sans cette vérification.',
    needsEmail: 'Saisissez d’abord l’adresse courriel.',
  },
}

/** Failure codes of the queue and sync channels (merged into `errors`). */
export const queueErrors = {
  email_taken:
    'Cette adresse courriel a déjà un compte MesServices : demandez à l’étudiant une autre adresse.',
  server_refused: 'Le serveur refuse cette valeur : vérifiez-la avec l’étudiant.',
  reference_mismatch: 'La référence saisie n’est pas celle de ce dossier : recopiez-la.',
  record_busy:
    'Ce dossier est en cours d’envoi ou déjà reçu : suspendez l’envoi, puis réessayez de le supprimer.',
  not_correctable: 'Seul un dossier refusé par le serveur avant sa création peut être corrigé et renvoyé.',
  draft_in_progress:
    'Un dossier est en cours de saisie : envoyez-le ou abandonnez-le avant d’en corriger un autre.',
  not_configured: 'L’adresse du serveur ou le jeton du poste n’est pas enregistré : voyez les Réglages.',
  offline: 'Le serveur est injoignable : il vérifiera l’adresse plus tard par courriel.',
  code_unknown: 'Ce code n’a pas été envoyé depuis ce poste : envoyez un nouveau code.',
  wrong_code: 'Ce n’est pas le code envoyé : vérifiez les lettres avec l’étudiant.',
  expired: 'Le code a expiré : envoyez un nouveau code.',
  too_many_attempts: 'Trop de codes erronés : envoyez un nouveau code.',
  code_format: 'Le code compte 6 lettres, sans chiffres.',
}
