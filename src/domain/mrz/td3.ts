/** Where each field of a TD3 (passport) MRZ sits: 0-based [start, end) in its line, and its check digit. */
export const TD3_LENGTH = 44

export const td3 = {
  documentCode: { line: 1, start: 0, end: 2 },
  issuingState: { line: 1, start: 2, end: 5 },
  name: { line: 1, start: 5, end: 44 },
  documentNumber: { line: 2, start: 0, end: 9, check: 9 },
  nationality: { line: 2, start: 10, end: 13 },
  birthDate: { line: 2, start: 13, end: 19, check: 19 },
  sex: { line: 2, start: 20, end: 21 },
  expiryDate: { line: 2, start: 21, end: 27, check: 27 },
  personalNumber: { line: 2, start: 28, end: 42, check: 42 },
} as const

/** The composite check digit covers line 2's positions 1–10, 14–20 and 22–43 (1-based). */
export const COMPOSITE_CHECK = 43
export const compositeText = (line2: string): string =>
  line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43)
