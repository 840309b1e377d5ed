/**
 * The life of a registration on the desk (DESIGN.md, Data). `draft` is the form being filled;
 * everything after it is the outbox. A record leaves the desk only once the backend says `submitted`.
 */
export const registrationStates = [
  'draft',
  'queued',
  'sending',
  'awaiting_documents',
  'retry_wait',
  'needs_attention',
  'submitted',
] as const

export type RegistrationState = (typeof registrationStates)[number]

/** The states of a registration once it left the form, in the order of its life. */
export type OutboxState = Exclude<RegistrationState, 'draft'>
export const outboxStates = registrationStates.filter((state): state is OutboxState => state !== 'draft')

export const documentKinds = ['identity', 'enrollment'] as const
export type DocumentKind = (typeof documentKinds)[number]

/** How many files each slot takes: passport page, visa, residence permit; enrollment proof or statement. */
export const maxDocuments: Record<DocumentKind, number> = { identity: 3, enrollment: 2 }
