import * as yup from 'yup'
import { documentKinds, type DocumentKind } from '../queue/states'
import type { RegistrationDraft } from '../registration/empty-form'

/** Request schemas of the contract that are more than a settings patch. */

const clientId = yup.string().uuid('invalid_client_id').required('required')

/** A form in progress is stored as typed (sealed), so it is checked for shape and size only. */
const MAX_FORM_JSON = 256 * 1024
const formInProgress = yup
  .mixed<RegistrationDraft>()
  .required('required')
  .test(
    'plain-object',
    'invalid_form',
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  )
  .test('size', 'form_too_large', (value) => JSON.stringify(value ?? null).length <= MAX_FORM_JSON)

export const draftRequest = yup.object({ clientId, form: formInProgress })
export const clientIdRequest = yup.object({ clientId })

export const establishmentQuery = yup.object({
  query: yup.string().max(100).required(),
  department: yup.string().max(3).nullable().default(null),
})

export const postalCodeQuery = yup.object({ postalCode: yup.string().trim().max(10).required() })

const documentKind = yup.mixed<DocumentKind>().oneOf(documentKinds).required()

export const attachRequest = yup.object({
  clientId,
  kind: documentKind,
  path: yup.string().max(4096).required(),
})
export const chooseFilesRequest = yup.object({ kind: documentKind })
export const documentRequest = yup.object({ id: yup.string().uuid().required() })
export const checkedRequest = yup.object({
  id: yup.string().uuid().required(),
  checked: yup.boolean().required(),
})
