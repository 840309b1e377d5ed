/** Enrolling the desk with a one-time code (Settings) and the provisioning file's outcome at start. */
export default {
  title: 'Enregistrer ce poste',
  intro:
    'Saisissez l’adresse du serveur et le code d’enregistrement à usage unique donné par l’administrateur (XXXX-XXXX-XXXX) : le poste reçoit son identifiant et son jeton, gardé dans le trousseau du système.',
  enrolled: 'Ce poste est enregistré : identifiant {deskId}, serveur {backendUrl}.',
  notEnrolled: 'Ce poste n’est pas encore enregistré : il manque {missing}.',
  missing: {
    backendUrl: 'l’adresse du serveur',
    deskId: 'l’identifiant du poste',
    token: 'le jeton du poste',
  },
  backendUrl: 'Adresse du serveur',
  code: 'Code d’enregistrement',
  codeHint:
    '12 caractères, avec ou sans tirets ni espaces ; les lettres I, L, O et les chiffres 0 et 1 n’y figurent jamais.',
  submit: 'Enregistrer ce poste',
  submitting: 'Enregistrement…',
  done: 'Poste enregistré : identifiant {deskId}.',
  doneWithEvent: 'Poste enregistré : identifiant {deskId}, événement « {eventName} ».',
  provisioning: {
    failed:
      'Le fichier de préconfiguration ({file}) n’a pas pu enregistrer ce poste : {reason} Il sera relu au prochain démarrage ; vous pouvez aussi enregistrer le poste dans les Réglages.',
    enrolled:
      'Poste enregistré au démarrage grâce au fichier de préconfiguration ({file}) : identifiant {deskId}.',
    codeKept:
      'Le code n’a pas pu être retiré du fichier {file} (dossier en lecture seule) : le poste l’ignore désormais, mais demandez à l’administrateur de supprimer ce fichier.',
    newBackend:
      'Le fichier de préconfiguration ({file}) demande de rattacher ce poste à un autre serveur : {next}. Le poste reste rattaché à {current} et n’a rien envoyé à l’autre serveur. Administrateur qui préparez ce poste pour un nouvel événement : déverrouillez le mode administrateur dans les Réglages, puis choisissez « Accepter ce serveur » ; les inscriptions pas encore envoyées partiront vers le nouveau serveur. Si vous n’attendiez pas ce changement, ne l’acceptez pas et prévenez l’administrateur : quelqu’un a pu modifier ce fichier.',
    accept: 'Accepter ce serveur',
    dismiss: 'Fermer ce message',
  },
}

/** Failure codes of the enrollment and the provisioning file (merged into `errors`). */
export const enrollmentErrors = {
  enrollment_code_format:
    'Ce n’est pas un code d’enregistrement : 12 caractères (lettres sans I, L, O ; chiffres de 2 à 9), par exemple ABCD-2345-EFGH.',
  enrollment_code_unknown:
    'Le serveur ne connaît pas ce code : vérifiez-le, ou demandez un nouveau code à l’administrateur.',
  enrollment_code_used: 'Ce code a déjà servi : demandez un nouveau code à l’administrateur.',
  enrollment_code_expired: 'Ce code a expiré : demandez un nouveau code à l’administrateur.',
  enrollment_throttled:
    'Trop de codes erronés depuis ce réseau : attendez 10 minutes avant de réessayer, et vérifiez le code avec l’administrateur.',
  backend_unreachable: 'Serveur injoignable : vérifiez le réseau et l’adresse du serveur.',
  backend_unexpected:
    'La réponse ne vient pas d’un serveur Guichet : vérifiez l’adresse du serveur, ou connectez-vous d’abord au Wi-Fi.',
  provisioning_file_unreadable: 'Le fichier de préconfiguration ne peut pas être lu.',
  provisioning_file_not_json: 'Le fichier de préconfiguration n’est pas du JSON valide.',
  provisioning_file_invalid: 'Le fichier de préconfiguration contient des champs non valides.',
  unknown_key: 'Le fichier de préconfiguration contient un champ inconnu.',
  provisioning_new_backend:
    'Le fichier de préconfiguration désigne un autre serveur que celui de ce poste : seul l’administrateur peut l’accepter.',
  provisioning_notice_gone:
    'Ce message n’est plus à jour : redémarrez Guichet pour relire le fichier, ou enregistrez le poste dans les Réglages.',
}
