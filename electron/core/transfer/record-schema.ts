import * as yup from 'yup'
import { documentKinds, maxDocuments } from '../../../src/domain/queue/states'

const isoDate = () =>
  yup
    .string()
    .max(40)
    .test('iso-date', 'invalid_date', (v) => v === undefined || !Number.isNaN(Date.parse(v)))
const problem = yup
  .object({
    code: yup.string().max(64).required(),
    message: yup.string().max(2000).defined(),
    fields: yup
      .array(
        yup.object({
          path: yup.string().max(200).defined(),
          code: yup.string().max(64).defined(),
          message: yup.string().max(2000).defined(),
        }),
      )
      .max(100)
      .optional(),
  })
  .nullable()
  .defined()

/**
 * The envelope of a record in an export file, checked before anything in it is used: sizes and counts
 * bounded (a file is made on another machine, perhaps by someone else), the student itself is then
 * checked by the form's own schema.
 */
export const exportedRecordSchema = yup.object({
  clientId: yup.string().uuid().required(),
  needsAttention: yup.boolean().required(),
  capturedAt: isoDate().required(),
  createdAt: isoDate().required(),
  captured: yup
    .object({
      student: yup.object().required(),
      desk: yup
        .object({
          id: yup.string().max(64).defined(),
          event: yup.string().max(200).defined(),
          operator: yup.string().max(64).defined(),
        })
        .required(),
    })
    .required(),
  requestBody: yup
    .string()
    .max(1024 * 1024)
    .required(),
  serverId: yup.string().max(200).nullable().defined(),
  attempts: yup.number().integer().min(0).max(1_000_000).required(),
  lastError: problem,
  problem,
  emailVerification: yup
    .object({ id: yup.string().max(200).required(), verifiedAt: isoDate().required() })
    .nullable()
    .defined(),
  documents: yup
    .array(
      yup.object({
        kind: yup.string().oneOf(documentKinds).required(),
        fileName: yup.string().min(1).max(255).required(),
        mediaType: yup
          .string()
          .oneOf(['application/pdf', 'image/jpeg', 'image/png'] as const)
          .required(),
        size: yup.number().integer().min(1).required(),
        pages: yup.number().integer().min(1).optional(),
        width: yup.number().integer().min(1).optional(),
        height: yup.number().integer().min(1).optional(),
        sha256: yup
          .string()
          .matches(/^[0-9a-f]{64}$/)
          .required(),
        checked: yup.boolean().required(),
      }),
    )
    .max(maxDocuments.identity + maxDocuments.enrollment)
    .required(),
})
