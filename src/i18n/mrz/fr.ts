/** The passport MRZ offer (src/components/mrz). */
export default {
  title: 'Lecture du passeport',
  reading: 'Lecture de la bande MRZ du passeport…',
  notFound:
    'Aucune bande MRZ de passeport trouvée sur ce scan : saisissez les champs à la main, ou scannez la page de la photo.',
  unreadable:
    'La bande MRZ n’a pas pu être lue avec certitude (chiffres de contrôle faux) : rien n’est proposé, vérifiez les champs sur le passeport.',
  failed: 'La lecture du passeport a échoué : saisissez les champs à la main.',
  agrees: 'Les champs saisis concordent avec le passeport.',
  intro: 'Le passeport propose ces valeurs. Choisissez, champ par champ, celle à garder :',
  field: 'Champ',
  typed: 'Saisi',
  passport: 'Passeport',
  empty: '(vide)',
  keep: 'Garder « {value} »',
  keepEmpty: 'Laisser vide',
  use: 'Prendre « {value} »',
  civilityNote: 'Tirée du sexe indiqué sur le passeport : vérifiez-la avec l’étudiant.',
  apply: 'Appliquer les choix',
  dismiss: 'Ignorer',
  applied: 'Champs remplis depuis le passeport.',
  offered:
    'Passeport lu : aucune valeur à proposer | Passeport lu : 1 valeur proposée, Entrée sur « Appliquer les choix » la reporte dans le formulaire. | Passeport lu : {n} valeurs proposées, Entrée sur « Appliquer les choix » les reporte dans le formulaire.',
  filled: 'Remplis depuis le passeport : {fields}. Vérifiez-les dans le formulaire, ils restent modifiables.',
  expired: 'Passeport expiré depuis le {date} : demandez un passeport en cours de validité.',
  expiresSoon: 'Le passeport expire le {date}, dans moins de 3 mois.',
  fields: {
    lastName: 'Nom',
    firstName: 'Prénom',
    secondFirstName: '2e prénom',
    thirdFirstName: '3e prénom',
    birthDate: 'Date de naissance',
    nationality: 'Nationalité',
    civility: 'Civilité',
  },
}
