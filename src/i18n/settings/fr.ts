/** The desk settings screen and admin mode (src/views/SettingsView, src/components/settings). */
export default {
  title: 'Réglages du poste',
  desk: 'Poste',
  deskId: 'Identifiant du poste',
  eventName: 'Nom de l’événement',
  deskContact: 'Contact de l’accueil',
  deskContactHint:
    'Imprimé sur le récapitulatif remis à l’étudiant : service, lieu, téléphone, courriel. Texte simple, 160 caractères au plus ; vide, le récapitulatif n’en parle pas.',
  locale: 'Langue par défaut',
  backendUrl: 'Adresse du serveur',
  backendUrlHint: 'https://… ; http:// seulement vers ce poste (127.0.0.1), pour les démonstrations.',
  retentionDays: 'Conservation après envoi (jours)',
  retentionDaysHint:
    'Les données personnelles d’un dossier envoyé sont effacées après ce délai ; seul le reçu reste.',
  save: 'Enregistrer',
  saved: 'Réglages enregistrés.',
  version: 'Version',
  dataDir: 'Dossier des données',
  locked: 'Mode administrateur verrouillé : déverrouillez-le ci-dessus pour modifier ces réglages.',
  /** The legends of the desk settings' groups. */
  groups: {
    desk: 'Le poste et l’événement',
    documents: 'Documents et conservation',
    server: 'Serveur et verrouillage',
  },
  admin: {
    title: 'Mode administrateur',
    provisioning:
      'Aucun code administrateur : le poste est en cours d’installation et tout réglage est ouvert. Définissez un code avant de confier le poste.',
    unlocked: 'Mode administrateur déverrouillé (verrouillage automatique après 10 minutes sans action).',
    lockedState: 'Mode administrateur verrouillé.',
    pin: 'Code administrateur',
    pinHint: 'Au moins 6 caractères, sans espace.',
    newPin: 'Nouveau code administrateur',
    pinAgain: 'Nouveau code (vérification)',
    setPin: 'Définir un code administrateur',
    changePin: 'Changer le code administrateur',
    pinSet: 'Code administrateur enregistré.',
    pinMismatch: 'Les deux codes sont différents : saisissez le même code deux fois.',
    unlock: 'Déverrouiller',
    lock: 'Verrouiller',
    needed: 'Cette action demande le mode administrateur : saisissez le code administrateur.',
  },
  token: {
    title: 'Jeton du poste',
    label: 'Nouveau jeton du poste',
    hint: 'Fourni par l’équipe Crous ; gardé dans le trousseau du système, jamais affiché.',
    save: 'Enregistrer le jeton',
    saved: 'Jeton enregistré.',
  },
  connection: {
    test: 'Tester la connexion',
    testing: 'Test en cours…',
    ok: 'Connexion réussie : le serveur répond et accepte le jeton du poste.',
    not_configured: 'Le poste n’est pas encore prêt : il manque {missing}. Enregistrez-le ci-dessus.',
    offline: 'Serveur injoignable : vérifiez le réseau et l’adresse du serveur.',
    captive_portal:
      'Le réseau demande une connexion (page de connexion du Wi-Fi) : ouvrez un navigateur pour vous connecter.',
    server_error:
      'Le serveur répond mais ne fonctionne pas pour l’instant (HTTP {status}) : ce n’est pas le réseau. Le poste réessaiera tout seul ; si cela dure, prévenez l’équipe du serveur.',
    unauthorized: 'Le serveur refuse ce jeton : enregistrez un nouveau jeton.',
    forbidden: 'Le serveur refuse ce jeton pour ce poste : demandez un nouveau jeton.',
    unexpected: 'Réponse inattendue du serveur (HTTP {status}) : vérifiez l’adresse du serveur.',
  },
  transfer: {
    title: 'Transférer la file vers un autre poste',
    hint: 'Quand ce poste ne sera plus en ligne : les dossiers non envoyés partent dans un fichier chiffré, à importer sur un autre poste.',
    path: 'Fichier',
    pathHint: 'Choisissez-le avec le bouton « Choisir… » (un fichier .guichet).',
    browse: 'Choisir…',
    passphrase: 'Phrase de passe',
    passphraseHint:
      'Plusieurs mots sans rapport entre eux, difficiles à deviner, ou une phrase générée ; transmettez-la séparément du fichier.',
    generate: 'Générer une phrase de passe',
    generated: 'Phrase de passe à noter et à transmettre séparément du fichier :',
    refusedRecord: '{reference} ({field}) : {reason}',
    passphraseAgain: 'Phrase de passe (vérification)',
    passphraseMismatch: 'Les deux phrases de passe sont différentes.',
    export: 'Exporter',
    import: 'Importer',
    exported: 'Exportés : {records} et {documents}.',
    imported: 'Ajoutés à la file : {records} et {documents} ; {skipped}.',
    recordCount: 'aucun dossier | 1 dossier | {n} dossiers',
    documentCount: 'aucun document | 1 document | {n} documents',
    skippedCount: 'aucun déjà présent | 1 déjà présent | {n} déjà présents',
    conflicts: 'Adresse courriel déjà utilisée sur ce poste : {references}.',
  },
}

/** Failure codes of admin mode, the settings and the transfer (merged into `errors`). */
export const settingsErrors = {
  admin_required: 'Cette action demande le mode administrateur : saisissez le code administrateur.',
  wrong_pin: 'Ce n’est pas le code administrateur.',
  pin_locked_out: 'Trop de codes erronés : ce code est bloqué quelques minutes. Réessayez plus tard.',
  pin_too_short: 'Le code compte au moins 6 caractères.',
  pin_spaces: 'Le code ne contient pas d’espace.',
  required: 'Ce champ est obligatoire.',
  too_long: 'Ce texte est trop long.',
  control_chars:
    'Ce texte contient des caractères invisibles (souvent dus à un copier-coller) : saisissez-le au clavier.',
  markup: 'Les signes < et > ne sont pas acceptés : retirez-les.',
  backend_url_format:
    'Adresse non valide : https://… , ou http:// seulement vers ce poste (127.0.0.1 ou localhost), sans identifiant ni « ? ».',
  retention_days_range: 'Un nombre entier de jours, de 0 à 3650.',
  token_format: 'Le jeton ne contient ni espace ni accent : recopiez-le.',
  passphrase_too_short: 'La phrase de passe compte au moins 8 caractères.',
  wrong_passphrase: 'Cette phrase de passe n’ouvre pas le fichier.',
  transfer_file_not_chosen:
    'Choisissez le fichier avec le bouton « Choisir… » : Guichet n’écrit et ne lit qu’un fichier .guichet choisi ainsi.',
  transfer_file_type: 'Choisissez un fichier d’export Guichet : son nom se termine par .guichet.',
  not_an_export: 'Ce fichier n’est pas un export Guichet.',
  export_truncated: 'Le fichier est incomplet : copiez-le à nouveau depuis l’autre poste.',
  export_damaged: 'Le fichier a été modifié ou abîmé : rien de plus n’a été lu.',
  export_unreadable:
    'Ce fichier ne peut pas être ouvert : vérifiez le chemin et que la clé USB est bien branchée.',
  passphrase_weak:
    'Cette phrase de passe se devine trop facilement pour un fichier qui contient des passeports : prenez plusieurs mots sans rapport entre eux, ou la phrase générée par le poste.',
  body_mismatch:
    'La demande enregistrée dans le fichier ne correspond pas au dossier : demandez à l’autre poste un nouvel export.',
  size_mismatch:
    'Un document du fichier n’a pas la taille indiquée par son dossier : demandez à l’autre poste un nouvel export.',
  document_altered:
    'Un scan d’un dossier n’est pas celui qui a été scellé avec lui (la base du poste a été modifiée hors de Guichet) : rien n’a été exporté. Contactez le support ; rien n’a été supprimé.',
  image_metadata:
    'Une image du fichier contient encore des métadonnées (position, appareil) que Guichet aurait retirées : le fichier ne vient pas d’un poste Guichet ; demandez un nouvel export.',
  duplicate_record:
    'Ce dossier figure deux fois dans le fichier : demandez à l’autre poste un nouvel export.',
  import_refused:
    'Ce fichier contient des dossiers qui ne passent pas les contrôles de ce poste : rien n’a été importé. Chaque dossier refusé est listé avec la raison.',
  database_damaged:
    'La base de données du poste est endommagée : cette action n’a pas pu se faire. Redémarrez Guichet : au démarrage, il vérifie la base et met le fichier endommagé de côté avec ses pièces pour le support ; rien n’est supprimé.',
  data_key_missing:
    'La clé de chiffrement de ce poste a disparu du trousseau du système alors que des données chiffrées sont enregistrées (dossiers, agents, journal d’audit, scans) : rien n’a été modifié. Appelez le support avant toute autre action.',
  keychain_unavailable:
    'Le trousseau du système est verrouillé ou injoignable : rien n’a été modifié ni perdu, aucune clé n’a été créée. Déverrouillez le trousseau de la session (ou ouvrez la session du bureau), puis réessayez.',
  data_key_wrong:
    'Les données de ce poste ont été chiffrées avec une autre clé que celle du trousseau du système : rien n’a été modifié. Appelez le support pour restaurer l’entrée du trousseau ; avec elle, tous les dossiers s’ouvriront de nouveau.',
  desk_in_use:
    'Ce dossier de données est déjà ouvert par Guichet (l’application ou une commande) : fermez l’autre avant de continuer.',
}
