import type { Labelled } from './labels'

/**
 * Source: /work/shared/reference/situation_familiale.txt (INSEE definition c2333, plus "Séparé(e)",
 * common on French forms but not in the INSEE list). The MesServices list itself is not public.
 */
export const familySituations = [
  { code: 'CELIBATAIRE', label: { fr: 'Célibataire', en: 'Single' } },
  { code: 'MARIE', label: { fr: 'Marié(e)', en: 'Married' } },
  { code: 'PACSE', label: { fr: 'Pacsé(e)', en: 'Civil partnership (PACS)' } },
  { code: 'UNION_LIBRE', label: { fr: 'En concubinage / union libre', en: 'Cohabiting' } },
  { code: 'DIVORCE', label: { fr: 'Divorcé(e)', en: 'Divorced' } },
  { code: 'VEUF', label: { fr: 'Veuf / Veuve', en: 'Widowed' } },
  { code: 'SEPARE', label: { fr: 'Séparé(e)', en: 'Separated' } },
] as const satisfies readonly Labelled[]

export type FamilySituation = (typeof familySituations)[number]['code']
