import * as yup from 'yup'
import { registrationStates } from '../queue/states'
import type { OutboxState } from './queue'

/** Request schemas of the queue and sync channels. */

const clientId = yup.string().uuid('invalid_client_id').required('required')
const outboxStates = registrationStates.filter((s): s is OutboxState => s !== 'draft')

export const listQueueRequest = yup.object({
  /** Only records in this state; every state when null. */
  state: yup.mixed<OutboxState>().oneOf(outboxStates).nullable().default(null),
  /** The `next` of the previous page. */
  after: yup.string().max(200).nullable().default(null),
  limit: yup.number().integer().min(1).max(200).default(50),
})

/** One record, or every record waiting to retry when clientId is absent. */
export const retryNowRequest = yup.object({ clientId: yup.string().uuid('invalid_client_id').optional() })

/** The reference the admin typed to confirm, so that nothing is ever discarded by a stray click. */
export const discardRequest = yup.object({ clientId, reference: yup.string().trim().max(20).required() })

export const deskTokenRequest = yup.object({
  token: yup
    .string()
    .trim()
    .required('required')
    .max(4096)
    .matches(/^[\x21-\x7e]+$/, 'token_format'),
})

export const sendCodeRequest = yup.object({ clientId, email: yup.string().trim().max(254).required() })

export const confirmCodeRequest = yup.object({
  clientId,
  id: yup.string().max(200).required(),
  code: yup
    .string()
    .trim()
    .matches(/^[a-z]{6}$/i, 'code_format')
    .required(),
})

export const transferRequest = yup.object({
  path: yup.string().max(4096).required(),
  passphrase: yup.string().min(8, 'passphrase_too_short').max(1024).required(),
})
