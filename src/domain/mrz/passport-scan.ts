import type { PassportValidity } from './expiry'
import type { MrzFields } from './parse'

/** What the desk read on a passport scan, as the form's offer needs it. */
export interface PassportScan {
  /** An MRZ was found on the scan (perhaps not all of it readable). */
  found: boolean
  /** Every check digit holds and every field reads. */
  valid: boolean
  fields: MrzFields | null
  /** The MRZ's name zone is full, so the names may be cut short. */
  truncatedName: boolean
  /** Null when the expiry date could not be read. */
  validity: PassportValidity | null
}
