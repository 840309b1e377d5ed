import * as yup from 'yup'

/** The admin PIN: digits or letters, long enough that a student at the desk cannot guess it. */
export const ADMIN_PIN_MIN = 6
export const adminPin = yup
  .string()
  .required('required')
  .min(ADMIN_PIN_MIN, 'pin_too_short')
  .max(64, 'too_long')
  .matches(/^\S+$/, 'pin_spaces')

export const unlockRequest = yup.object({ pin: yup.string().required('required').max(64) })
export const setPinRequest = yup.object({ pin: adminPin, currentPin: yup.string().max(64).optional() })

export interface AdminStatus {
  /** A PIN was set; until then the desk is being provisioned and admin actions are open. */
  configured: boolean
  unlocked: boolean
}
