/**
 * Associated data that binds each sealed column to its record and its column: a sent body cannot be
 * swapped with another record's, nor a complaint passed for a payload.
 */
export const bodyAad = (clientId: string): Buffer => Buffer.from(`guichet-request-body:${clientId}`)
export const problemAad = (clientId: string): string => `problem:${clientId}`
