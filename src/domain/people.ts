import * as yup from 'yup'

/** An operator's personal PIN: 4 to 8 digits, typed quickly at a busy desk; the lockout guards it. */
export const operatorPin = yup
  .string()
  .required('required')
  .matches(/^\d{4,8}$/, 'operator_pin_format')

/** The name other agents pick from the sign-in list; staff data, sealed in SQLite like the rest. */
export const operatorName = yup.string().trim().required('required').max(60, 'too_long')

/** Operator ids are short, so they fit the contract's `desk.operator` and the audit log. */
export const operatorId = yup
  .string()
  .required('required')
  .matches(/^op-[a-z0-9]{6}$/, 'invalid_request')

export const addOperatorRequest = yup.object({ name: operatorName, pin: operatorPin })
export const operatorRequest = yup.object({ operatorId })
/** `operatorId` null: the admin PIN opens the screen (an admin at the desk, or a desk without operators). */
export const signInRequest = yup.object({
  operatorId: operatorId.nullable().defined(),
  /** Empty only on a desk being provisioned (no admin PIN, no operator), where nothing is checked. */
  pin: yup.string().defined().max(64),
})

export interface OperatorSummary {
  id: string
  name: string
}

/** Who is at the desk and whether the privacy screen covers it. */
export interface DeskSession {
  operator: OperatorSummary | null
  /** The screen is covered: no student data is sent to the page until someone signs in. */
  locked: boolean
  /** Operators exist: registering needs one of them signed in. */
  operatorsExist: boolean
}
