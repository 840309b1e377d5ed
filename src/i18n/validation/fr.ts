import type { MessageCode } from '../../domain/registration/codes'

/** Sentences for the registration rules' codes (French, the desk's default language). */
export default {
  required: 'Ce champ est obligatoire : remplissez-le.',
  invalid_type: 'Cette valeur n’est pas reconnue : saisissez-la de nouveau.',
  invalid_choice: 'Choisissez une valeur dans la liste.',
  unknown_field: 'Ce champ n’est pas attendu dans le formulaire : signalez-le au support.',
  too_long: 'Ce texte est trop long : raccourcissez-le.',
  too_many: 'Deux contacts d’urgence au plus : retirez-en un.',
  control_chars:
    'Ce texte contient des caractères invisibles (souvent dus à un copier-coller) : saisissez-le au clavier.',
  markup: 'Les signes < et > ne sont pas acceptés : retirez-les.',
  name_chars:
    'Un nom ne contient que des lettres (de tout alphabet), des espaces, des traits d’union et des apostrophes : retirez chiffres et symboles.',
  email_invalid:
    "Cette adresse courriel n’est pas valide : vérifiez-la (exemple : prenom.nom{'@'}exemple.fr).",
  email_mismatch: 'Les deux adresses courriel sont différentes : saisissez la même adresse deux fois.',
  date_invalid: 'Cette date n’existe pas : saisissez-la sous la forme JJ/MM/AAAA (exemple : 12/08/1999).',
  age_implausible:
    'Avec cette date de naissance, l’âge n’est pas celui d’un étudiant (15 à 100 ans) : vérifiez l’année.',
  ine_format:
    'Un INE a 11 caractères : 10 chiffres et 1 lettre, ou 9 chiffres et 2 lettres. Vérifiez-le sur un relevé de notes, ou cochez « Je n’ai pas d’INE ».',
  ine_key: 'Cet INE contient une erreur de saisie (la clé ne correspond pas) : vérifiez chaque caractère.',
  ine_identical_digits:
    'Cet INE n’est pas valide (10 chiffres identiques) : vérifiez-le ou cochez « Je n’ai pas d’INE ».',
  uai_format:
    'Ce code d’établissement (UAI) doit avoir 7 chiffres et une lettre : choisissez l’établissement dans la liste.',
  uai_key: 'Ce code d’établissement (UAI) contient une erreur : choisissez l’établissement dans la liste.',
  uai_department:
    'Cet établissement n’est pas dans le département choisi : choisissez de nouveau l’établissement, ou son département.',
  phone_invalid:
    'Ce numéro de téléphone n’est pas valide pour le pays choisi : vérifiez-le, ou saisissez-le avec l’indicatif (exemple : +33 6 12 34 56 78).',
  phone_extension: 'Les numéros de poste ne sont pas acceptés : saisissez le numéro seul.',
  phone_not_mobile: 'Ce numéro est un fixe : saisissez un numéro de portable.',
  phone_not_landline: 'Ce numéro est un portable : mettez-le dans le champ « Téléphone portable ».',
  postal_code_format:
    'Ce code postal n’est pas valide : 5 chiffres en France, sinon lettres, chiffres, espaces et tirets (12 caractères au plus).',
  postal_code_department:
    'Ce code postal ne correspond à aucun département : vérifiez les 2 premiers chiffres (3 outre-mer, par exemple 974), ou choisissez le pays.',
  postal_code_unknown: 'Code postal inconnu de la liste des communes : vérifiez-le.',
  emergency_contact_reach: 'Indiquez au moins un moyen de joindre ce contact : portable, fixe ou courriel.',
  phone_read_as:
    'Sera envoyé : {number} ({country}) — pour un autre pays, tapez l’indicatif (+212…) ou choisissez le pays.',
  rnie_key_unverified: 'Vérifiez cet INE caractère par caractère : sa clé n’a pas pu être contrôlée.',
} satisfies Record<MessageCode, string>
