import * as yup from 'yup'
import { fieldErrorsOf } from '../field-errors'
import type { FieldError } from '../result'
import { settingFields, settingsPatchSchema } from '../settings'
import { enrollmentCodeProblem, normalizeEnrollmentCode } from './code'

/** A code as typed, checked against the alphabet before anything is sent; normalized when valid. */
export const enrollmentCodeSchema = yup
  .string()
  .transform((value: string) => normalizeEnrollmentCode(value))
  .test({
    name: 'enrollment-code',
    skipAbsent: true,
    test: (value, ctx) => {
      const problem = enrollmentCodeProblem(value ?? '')
      return problem === null || ctx.createError({ message: problem })
    },
  })

/** "Enroll this desk": the backend's address and the one-time code, from Settings or the CLI. */
export const enrollRequest = yup.object({
  backendUrl: settingFields.backendUrl.required('required'),
  code: enrollmentCodeSchema.required('required'),
})
export type EnrollRequest = yup.InferType<typeof enrollRequest>

/** The settings a provisioning file may give besides the address and the code. */
export const PROVISIONED_SETTINGS = [
  'eventName',
  'scannerFolder',
  'retentionDays',
  'locale',
  'deskContact',
] as const

/** A provisioning notice by its outcome's fingerprint: read and closed, or its new backend accepted. */
export const dismissProvisioningRequest = yup
  .object({
    id: yup
      .string()
      .required('required')
      .matches(/^[0-9a-f]{64}$/, 'format'),
  })
  .noUnknown()

/**
 * desk.json, the file an installer or an MDM profile drops for the desk to enroll itself: the
 * address, the code, and settings that the admin wants from the start. Each field is checked by
 * the settings schema, so the file can never hold a value the Settings screen would refuse.
 * `enrollmentCode` is absent once the desk used it (the desk removes it from the file).
 */
export const provisioningFileSchema = settingsPatchSchema.pick([...PROVISIONED_SETTINGS]).shape({
  backendUrl: settingFields.backendUrl.required('required'),
  enrollmentCode: enrollmentCodeSchema.optional(),
})
export type ProvisioningFile = yup.InferType<typeof provisioningFileSchema>

/** The file's content checked field by field; unknown keys are refused, never silently ignored. */
export function checkProvisioningFile(
  raw: unknown,
): { ok: true; value: ProvisioningFile } | { ok: false; fields: FieldError[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, fields: [{ path: '', code: 'not_an_object', message: 'not_an_object' }] }
  }
  const known = Object.keys(provisioningFileSchema.fields)
  const unknown: FieldError[] = Object.keys(raw)
    .filter((key) => !known.includes(key))
    .map((path) => ({ path, code: 'unknown_key', message: 'unknown_key' }))
  try {
    const value = provisioningFileSchema.validateSync(raw, { abortEarly: false, stripUnknown: true })
    if (unknown.length) return { ok: false, fields: unknown }
    return { ok: true, value }
  } catch (error) {
    return { ok: false, fields: [...unknown, ...fieldErrorsOf(error)] }
  }
}
