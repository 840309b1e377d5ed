/**
 * The 23 letters of the French administrative check keys (INE-BEA, UAI): the alphabet without I, O
 * and Q, which read like 1 and 0. Source: esup-ecandidat MethodUtils.checkBEA23.
 */
const KEY_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'

export const mod23Key = (digits: string): string => KEY_LETTERS[Number(digits) % 23] ?? ''

/** Trim, drop every space typed between groups, uppercase: how both INE and UAI are compared. */
export const normaliseCode = (input: string): string => input.replace(/\s+/g, '').toUpperCase()
