/** The document slots, the scanner tray and the sworn statement (src/components/documents). */
export default {
  slots: {
    identity: {
      title: 'Pièce justificative d’identité',
      rules:
        'Passeport avec le visa (et le titre de séjour s’il y en a un) : jusqu’à 3 fichiers, au nom de l’étudiant, photo visible.',
    },
    enrollment: {
      title: 'Pièce justificative étudiante',
      rules:
        'Certificat de scolarité, ou attestation sur l’honneur signée et datée, en français : jusqu’à 2 fichiers.',
    },
  },
  required: 'Obligatoire',
  optional: 'Facultatif',
  enrollmentRequired:
    'Obligatoire : l’étudiant n’a pas d’INE, cette pièce prouve son inscription dans l’enseignement supérieur.',
  count: '{count} fichier sur {max} | {count} fichier sur {max} | {count} fichiers sur {max}',
  choose: 'Choisir un fichier…',
  dropHint: 'ou glissez-le ici (PDF, JPEG, PNG).',
  shortcut: 'Raccourci : {keys}, depuis tout le formulaire.',
  dropHere: 'Déposez le fichier pour l’ajouter',
  adding: 'Ajout en cours…',
  added: '{name} ajouté.',
  removed: '{name} retiré.',
  full: 'Emplacement complet : retirez ou remplacez un fichier pour en ajouter un autre.',
  remove: 'Retirer',
  removeNamed: 'Retirer {name}',
  replace: 'Remplacer',
  replaceNamed: 'Remplacer {name}',
  replaceQuestion: 'Remplacer {name} par un autre fichier ?',
  replaceKeep: 'Garder',
  replaceChoose: 'Choisir le nouveau fichier…',
  preview: 'Agrandir {name}',
  pages: '{pages} page | {pages} page | {pages} pages',
  checked: 'Pièce vérifiée',
  checkedHint: 'Nom et photo comparés avec l’étudiant.',
  close: 'Fermer',
  print: 'Imprimer',
  thumbnailFailed: 'Aperçu indisponible',
  attestation: {
    generate: 'Générer l’attestation sur l’honneur',
    generating: 'Préparation de l’attestation…',
    ready:
      'Attestation prête : imprimez-la, faites-la signer et dater par l’étudiant, puis ajoutez son scan ici.',
    notSaved:
      'Elle n’est enregistrée nulle part sur cet ordinateur (elle contient les données de l’étudiant) : imprimez-la depuis l’aperçu.',
    open: 'Voir et imprimer',
    title: 'Attestation sur l’honneur',
  },
  settings: {
    scannerFolder: 'Dossier du scanner',
    scannerFolderHint:
      'Le dossier où le scanner du poste enregistre ses fichiers (chemin complet) ; ils s’affichent dans « Scans reçus ». Un scan ajouté à un dossier est déplacé dans le poste (chiffré) et retiré de ce dossier. Vide : pas de scanner.',
  },
  scans: {
    title: 'Scans reçus',
    empty: 'Aucun scan reçu : les fichiers enregistrés par le scanner s’affichent ici.',
    hint: 'Joignez un scan d’un clic, ou glissez-le sur un emplacement : il passe alors dans le poste, chiffré, et quitte le dossier du scanner.',
    moved: '{name} est maintenant dans le poste (chiffré) : il a été retiré du dossier du scanner.',
    toIdentity: 'Identité',
    toEnrollment: 'Inscription',
    attachIdentity: 'Identité : joindre {name} à la pièce d’identité',
    attachEnrollment: 'Inscription : joindre {name} à la pièce étudiante',
    attached: 'déjà joint',
    earlier: 'précédent dossier ?',
    noPicture: 'Pas d’aperçu',
    earlierHint:
      'Arrivé avant l’ouverture de ce dossier : vérifiez que ce n’est pas le scan de l’étudiant précédent.',
  },
}

/** Why a file or a statement was refused, by the core's code: what the agent should do. */
export const documentErrors = {
  file_missing:
    'Le fichier n’est plus là (déplacé, renommé, supprimé, ou clé USB retirée) : retrouvez-le et ajoutez-le à nouveau.',
  not_a_file: 'C’est un dossier, pas un fichier : ouvrez le dossier et choisissez le scan lui-même.',
  file_unreadable:
    'Guichet ne peut pas lire ce fichier, ou un autre programme le garde ouvert : fermez le logiciel du scanner ou la visionneuse, ou copiez le fichier sur le bureau, puis ajoutez-le à nouveau.',
  file_changed:
    'Le fichier a changé pendant la lecture ; le scanner l’écrit peut-être encore : attendez la fin du scan et ajoutez-le à nouveau.',
  empty: 'Le fichier est vide (0 octet) : scannez le document à nouveau.',
  too_large:
    'Le fichier est trop lourd (10 Mio au plus) : scannez à nouveau en 300 dpi ou moins, ou en PDF niveaux de gris.',
  type_mismatch:
    'Le nom du fichier et son contenu ne correspondent pas : vérifiez que c’est le bon fichier, puis scannez-le à nouveau en PDF ou JPEG.',
  unsupported_type:
    'Guichet accepte PDF, JPEG et PNG (le TIFF est converti) : scannez à nouveau en PDF ou JPEG ; sur iPhone, réglez Appareil photo > Formats sur « Le plus compatible ».',
  truncated:
    'Le fichier est incomplet ou abîmé (copie interrompue ?) : copiez-le à nouveau depuis sa source, ou scannez à nouveau.',
  image_too_large:
    'L’image est démesurée (plus de 100 mégapixels), le fichier est peut-être abîmé : scannez à nouveau en 300 dpi ou moins.',
  pdf_unreadable:
    'Le PDF est illisible : ouvrez-le dans une visionneuse pour le vérifier, puis imprimez-le dans un nouveau PDF ou scannez le papier à nouveau.',
  pdf_encrypted:
    'Le PDF est protégé par un mot de passe ou chiffré : demandez une copie non protégée, imprimez-le dans un nouveau PDF, ou scannez le document papier.',
  pdf_too_many_pages:
    'Le PDF a plus de 10 pages : gardez seulement les pages utiles et enregistrez-le à nouveau, ou scannez seulement ces pages.',
  pdf_active_content:
    'Le PDF contient du code ou des pièces jointes, refusés par sécurité : imprimez-le dans un nouveau PDF (qui les retire) ou scannez le document papier.',
  pdf_too_complex:
    'Le PDF est construit de façon à demander trop de mémoire pour être vérifié (ce n’est jamais le cas d’un scan) : imprimez-le dans un nouveau PDF ou scannez le document papier.',
  pdf_stream_too_big:
    'Le PDF contient des données compressées qui se décompresseraient bien au-delà de sa taille et pourraient bloquer le poste (ce n’est jamais le cas d’un scan) : imprimez-le dans un nouveau PDF, ou scannez le document papier en image.',
  slot_full: 'Cet emplacement est complet : retirez un fichier avant d’en ajouter un autre.',
  not_a_draft: 'Les documents ne s’ajoutent qu’au dossier en cours de saisie.',
  document_missing: 'Un scan manque dans le dossier des documents du poste : ajoutez le document à nouveau.',
  document_damaged:
    'Le fichier de ce scan sur le poste est abîmé ou incomplet (il n’a plus la taille enregistrée) : ajoutez le document à nouveau depuis l’original.',
  decrypt_failed:
    'Ce document chiffré ne peut plus être lu (clé du poste réinitialisée ?) : ajoutez le document à nouveau.',
  document_altered:
    'Ce scan n’est pas celui qui a été scellé avec ce dossier (la base du poste a été modifiée hors de Guichet) : appelez le support ; rien n’a été supprimé.',
  not_found: 'Ce document n’est plus sur le poste.',
  drop_no_path:
    'Ce fichier ne vient pas du disque (glissé depuis un navigateur ou un courriel ?) : enregistrez-le d’abord, puis ajoutez-le.',
  attestation_needs_name:
    'Saisissez d’abord le nom et le prénom de l’étudiant : l’attestation est établie à son nom.',
  attestation_unprintable:
    'L’attestation n’imprime que l’alphabet latin, et le nom ou l’adresse est écrit dans une autre écriture : saisissez-les comme sur les lignes lisibles par machine du passeport, ou faites rédiger l’attestation à la main.',
  not_granted:
    'Ce fichier n’a pas été choisi dans cette fenêtre : ajoutez-le avec « Choisir un fichier », en le glissant ici ou depuis le dossier du scanner.',
  network_path:
    'Ce fichier est sur un partage réseau : copiez-le d’abord sur ce poste (par exemple sur le bureau), puis ajoutez-le.',
}
