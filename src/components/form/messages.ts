import { validationCodes, warningCodes } from '../../domain/registration/codes'

const ruleCodes: readonly string[] = [...validationCodes, ...warningCodes]

/**
 * The i18n key of a field's message: the registration rules' codes under `validation`, the core's own
 * field codes (email_on_desk, document_required...) under `errors`.
 */
export const messageKey = (code: string): string =>
  ruleCodes.includes(code) ? `validation.${code}` : `errors.${code}`
