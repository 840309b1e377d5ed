import type { AttestationFacts } from './facts'

/** The statement as printed, top to bottom; the PDF layout only places these. */
export interface AttestationText {
  title: string
  subject: string
  addressee: string
  /** Paragraphs of the body, each wrapped on its own. */
  body: string[]
  /** "Fait à …, le …" */
  signedAt: string
  signatureLabel: string
}

export const PENAL_SANCTIONS =
  'J’ai connaissance des sanctions pénales encourues par l’auteur d’une fausse attestation ' +
  '(article 441-7 du Code pénal).'

// Blanks the student fills in by hand when the form does not know the value.
const BLANK = '……………………'

/**
 * The wording of the "attestation sur l'honneur" a student without proof of enrollment signs for the
 * Crous (/work/shared/reference/attestation.md): identity, the fact attested precisely, awareness of
 * the penalty for a false statement, place, date and signature. Written in French, as MesServices
 * requires, whatever language the desk is in.
 */
export function attestationText(facts: AttestationFacts): AttestationText {
  const feminine = facts.civility === 'Madame'
  const e = facts.civility === null ? '(e)' : feminine ? 'e' : ''
  const who = [facts.civility, facts.firstNames, facts.lastName].filter(Boolean).join(' ')
  const identity = [
    `Je soussigné${e} ${who}`,
    facts.birthDate && `né${e} le ${facts.birthDate}${facts.birthPlace ? ` à ${facts.birthPlace}` : ''}`,
    facts.address && `demeurant ${facts.address}`,
    facts.passportNumber &&
      `titulaire du passeport n° ${facts.passportNumber}${facts.passportExpiry ? ` valable jusqu’au ${facts.passportExpiry}` : ''}`,
  ].filter(Boolean)
  const where = facts.establishment
    ? `dans l’établissement «\u00a0${facts.establishment}\u00a0»`
    : 'dans un établissement d’enseignement supérieur français'
  return {
    title: 'ATTESTATION SUR L’HONNEUR',
    subject: 'Objet\u00a0: déclaration sur l’honneur',
    addressee: 'À l’attention du responsable du Crous',
    body: [
      `${identity.join(', ')},`,
      `atteste sur l’honneur être en cours d’inscription ${where} pour l’année universitaire ${facts.academicYear}.`,
      PENAL_SANCTIONS,
      'Fait pour servir et valoir ce que de droit.',
    ],
    signedAt: `Fait à ${facts.place ?? BLANK}, le ${facts.date}`,
    signatureLabel: `Signature de l’étudiant${e}`,
  }
}
