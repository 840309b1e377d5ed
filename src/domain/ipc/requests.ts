import * as yup from 'yup'
import { documentKinds, type DocumentKind } from '../queue/states'
import type { RegistrationDraft } from '../registration/empty-form'

/** Request schemas of the contract that are more than a settings patch. */

const clientId = yup.string().uuid('invalid_client_id').required('required')

/** A form in progress is stored as typed (sealed), so it is checked for shape and size only. */
const MAX_FORM_JSON = 256 * 1024
const typedForm = yup
  .mixed<RegistrationDraft>()
  .test({
    name: 'plain-object',
    message: 'invalid_form',
    skipAbsent: true,
    test: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  })
  .test('size', 'form_too_large', (value) => JSON.stringify(value ?? null).length <= MAX_FORM_JSON)
const formInProgress = typedForm.required('required')

export const draftRequest = yup.object({ clientId, form: formInProgress })
/** With when the form was first opened (kept with the draft on its first save; see loadDraft). */
export const saveDraftRequest = draftRequest.shape({ openedAt: yup.string().datetime().optional() })
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
/** A file now in the scanner folder, as listed by listScans. */
export const scanRequest = yup.object({ path: yup.string().max(4096).required() })
export const chooseFilesRequest = yup.object({ kind: documentKind })
/** `save` for an export (a new file), `open` for an import. */
export const chooseTransferFileRequest = yup.object({
  mode: yup.mixed<'save' | 'open'>().oneOf(['save', 'open']).required(),
})
export const documentRequest = yup.object({ id: yup.string().uuid().required() })
/** The form as typed; without it the core takes the draft it saved for `clientId`. */
export const attestationRequest = yup.object({ clientId, form: typedForm })
/** A passport scan already taken into the registration `clientId`. */
export const passportRequest = yup.object({ clientId, id: yup.string().uuid().required() })
export const checkedRequest = yup.object({
  id: yup.string().uuid().required(),
  checked: yup.boolean().required(),
})
