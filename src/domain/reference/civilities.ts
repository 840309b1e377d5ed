import type { Labelled } from './labels'

/**
 * Source: /work/shared/reference/civilite.txt (circular 5575/SG of 21 February 2012: no "Mademoiselle").
 * A courtesy title the person chooses, not part of civil status: an MRZ sex may prefill it, never decide it.
 */
export const civilities = [
  // MesServices has one title for every woman, as French forms since that circular: in English "Ms",
  // which covers what an English speaker may say or type (Mrs, Miss); the value sent stays MME.
  {
    code: 'MME',
    label: { fr: 'Madame', en: 'Ms (Mrs, Miss)' },
    typed: ['Mme', 'Ms', 'Mrs', 'Miss', 'Mlle'],
  },
  { code: 'M', label: { fr: 'Monsieur', en: 'Mr' }, typed: ['M.', 'Mr'] },
] as const satisfies readonly Labelled[]

export type Civility = (typeof civilities)[number]['code']
