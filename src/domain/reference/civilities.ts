import type { Labelled } from './labels'

/**
 * Source: /work/shared/reference/civilite.txt (circular 5575/SG of 21 February 2012: no "Mademoiselle").
 * A courtesy title the person chooses, not part of civil status: an MRZ sex may prefill it, never decide it.
 */
export const civilities = [
  { code: 'MME', label: { fr: 'Madame', en: 'Ms' } },
  { code: 'M', label: { fr: 'Monsieur', en: 'Mr' } },
] as const satisfies readonly Labelled[]

export type Civility = (typeof civilities)[number]['code']
