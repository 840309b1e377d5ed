import type { DocumentKind } from '../../domain/queue/states'

/** The id of a slot's "Choisir un fichier…" button, where the summary and Enter lead for that slot. */
export const slotButtonId = (kind: DocumentKind): string => `choose-${kind}`

/**
 * The slots that still lack their required file, as the core will judge them on submit: the identity
 * document always, the proof of enrollment without an INE.
 */
export function missingDocuments(
  store: { ofKind: (kind: DocumentKind) => unknown[] },
  noIne: boolean,
): DocumentKind[] {
  const required: DocumentKind[] = noIne ? ['identity', 'enrollment'] : ['identity']
  return required.filter((kind) => store.ofKind(kind).length === 0)
}
