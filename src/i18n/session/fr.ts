/** Operators, sign-in and the privacy screen (src/components/session, src/components/settings/OperatorsPanel). */
export default {
  signedInAs: 'Agent : {name}',
  nobody: 'Aucun agent connecté',
  lock: 'Masquer l’écran',
  lockShortcut: 'Masquer l’écran et verrouiller le poste (Ctrl+L)',
  switchOperator: 'Changer d’agent',
  namesHidden: 'Nom masqué : connectez-vous comme agent pour le voir.',
  namesHiddenAdmin: 'Nom masqué : ouvrez le mode administrateur (Réglages) pour le voir.',
  namesHiddenNoPin:
    'Nom masqué : définissez un code administrateur (Réglages) puis ouvrez le mode administrateur pour le voir.',
  signOut: 'Fin de service',
  cover: {
    title: 'Poste verrouillé',
    lockedHint: 'Les données des étudiants sont masquées. Choisissez votre nom et saisissez votre code.',
    signInHint: 'Début de service : choisissez votre nom et saisissez votre code personnel.',
    operators: 'Agents de ce poste',
    operatorKey: 'Touche {key}',
    pin: 'Code personnel',
    signIn: 'Ouvrir',
    admin: 'Ouvrir avec le code administrateur',
    adminPin: 'Code administrateur',
    noOperators: 'Aucun agent n’est enregistré sur ce poste : ouvrez-le avec le code administrateur.',
    resume: 'Reprendre',
    draftKept: 'Le dossier en cours est conservé.',
  },
  settings: {
    idleLockMinutes: 'Verrouillage après inactivité (minutes)',
    idleLockMinutesHint:
      'L’écran se couvre après ce délai sans clavier ni souris ; Ctrl+L le couvre tout de suite.',
  },
  operators: {
    title: 'Agents',
    intro: 'Chaque agent ouvre son service avec son nom et un code personnel de 4 à 8 chiffres.',
    none: 'Aucun agent enregistré : le poste n’exige pas de connexion.',
    name: 'Nom de l’agent',
    pin: 'Code personnel (4 à 8 chiffres)',
    pinAgain: 'Code personnel (vérification)',
    add: 'Ajouter l’agent',
    added: 'Agent {name} ajouté.',
    remove: 'Retirer',
    removeOne: 'Retirer {name}',
    removed: 'Agent {name} retiré.',
    pinMismatch: 'Les deux codes ne sont pas identiques.',
    newOne: 'Nouvel agent',
  },
}

export const sessionErrors = {
  wrong_operator_pin: 'Ce n’est pas le code de cet agent.',
  operator_pin_format: 'Le code personnel compte 4 à 8 chiffres.',
  operator_unknown: 'Cet agent n’est plus enregistré sur ce poste : choisissez-en un autre.',
  operator_required: 'Connectez-vous comme agent avant d’enregistrer un dossier (Ctrl+L).',
  screen_locked: 'Le poste est verrouillé : connectez-vous pour voir ceci.',
  admin_pin_missing:
    'Le code administrateur a été défini mais il a disparu du trousseau : le poste reste verrouillé. Contactez le support.',
  idle_minutes_range: 'Un nombre entier de minutes, de 1 à 60.',
}
