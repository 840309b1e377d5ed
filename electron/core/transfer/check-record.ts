import sharp from 'sharp'
import { ValidationError, type Schema } from 'yup'
import { referenceOf } from '../../../src/domain/queue/reference'
import { registrationFormSchema, toStudent } from '../../../src/domain/registration/schema'
import type { FieldError } from '../../../src/domain/result'
import { inspectFile } from '../documents/inspect'
import type { InspectFs } from '../documents/read-stable'
import { buildRequestBody } from '../outbox/request-body'
import type { ReferenceData } from '../reference-data'
import type { CapturedRegistration } from '../registrations/repository'
import type { ExportedRecord } from './record'
import { exportedRecordSchema } from './record-schema'

const extensionOf = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const

/**
 * An imported record is judged as if it had been typed and its documents taken in at this desk:
 * the form's schema on the student, `inspectFile` on every document, and the POST body it carries
 * must be the very one this desk would build from them, since it goes out with this desk's token.
 * Returns the record with the student as validated here, or why not (paths under its reference).
 */
export async function checkRecord(
  raw: unknown,
  documents: readonly Buffer[],
  reference: ReferenceData,
): Promise<{ record: ExportedRecord; problems: [] } | { record: null; problems: FieldError[] }> {
  const envelope = await validated(exportedRecordSchema, raw, {})
  const label = referenceOf(String((raw as { clientId?: unknown } | null)?.clientId ?? ''))
  if (!envelope.ok) return { record: null, problems: under(label, envelope.problems) }
  const record = envelope.value as ExportedRecord
  const capturedAt = new Date(record.capturedAt)
  const student = record.captured.student as unknown as Record<string, unknown>
  const form = await validated(
    registrationFormSchema,
    { ...student, emailConfirmation: student['email'] },
    { ...reference.context(capturedAt), now: capturedAt },
  )
  const problems: FieldError[] = form.ok ? [] : under(`${label}.student`, form.problems)
  for (const [i, doc] of record.documents.entries()) {
    const problem = await documentProblem(doc, documents[i])
    if (problem) problems.push({ ...problem, path: `${label}.documents.${i}` })
  }
  if (!form.ok || problems.length) return { record: null, problems }
  const captured: CapturedRegistration = { ...record.captured, student: toStudent(form.value) }
  if (!carriesItsOwnBody({ ...record, captured })) {
    return {
      record: null,
      problems: [
        {
          path: `${label}.requestBody`,
          code: 'body_mismatch',
          message: 'The request body in the file is not the one its record makes.',
        },
      ],
    }
  }
  return { record: { ...record, captured }, problems: [] }
}

type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldError[] }

async function validated<T>(schema: Schema<T>, value: unknown, context: object): Promise<Validated<T>> {
  try {
    return { ok: true, value: await schema.validate(value, { abortEarly: false, strict: false, context }) }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const inner = error.inner.length ? error.inner : [error]
    return {
      ok: false,
      // The form's schema says its codes as messages (email_format); yup's own checks say sentences.
      problems: inner.slice(0, 20).map((e) => ({
        path: e.path ?? '',
        code: (/^[a-z_]{1,64}$/.test(e.message) ? e.message : String(e.type ?? 'invalid')).slice(0, 64),
        message: `Not valid: ${e.path ?? 'the record'} (${String(e.message).slice(0, 200)}).`,
      })),
    }
  }
}

const under = (prefix: string, problems: FieldError[]) =>
  problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }))

/** The bytes go through the same inspection as a file taken in here; an image must come out of it clean. */
async function documentProblem(
  doc: ExportedRecord['documents'][number],
  bytes: Buffer | undefined,
): Promise<Omit<FieldError, 'path'> | null> {
  if (!bytes) return { code: 'document_missing', message: 'A document announced is not in the file.' }
  // Its size is sealed with its row here and sent as the upload's length: it must be the bytes' own.
  if (bytes.length !== doc.size) {
    return { code: 'size_mismatch', message: `It has ${bytes.length} bytes, not ${doc.size}.` }
  }
  const inspected = await inspectFile(`document.${extensionOf[doc.mediaType]}`, { fs: inMemory(bytes) })
  if (!inspected.ok) return { code: inspected.error.code, message: inspected.error.message }
  if (inspected.mediaType !== doc.mediaType) {
    return { code: 'type_mismatch', message: `It holds ${inspected.mediaType}, not ${doc.mediaType}.` }
  }
  if (doc.mediaType !== 'application/pdf') {
    // This desk's normalization keeps an image's colour profile and nothing else (no EXIF, so no GPS
    // position or serial number): any other metadata is a sign the bytes did not come from it.
    const { exif, xmp, iptc } = await sharp(bytes).metadata()
    if (exif || xmp || iptc) {
      return { code: 'image_metadata', message: 'The image carries metadata this desk would have removed.' }
    }
  }
  return null
}

function inMemory(bytes: Buffer): InspectFs {
  return {
    stamp: async () => ({ size: bytes.length, mtimeMs: 0, isFile: true }),
    read: async (_path, maxBytes) => bytes.subarray(0, maxBytes),
  }
}

function carriesItsOwnBody(record: ExportedRecord): boolean {
  let desk: unknown
  try {
    desk = (JSON.parse(record.requestBody) as { desk?: { id?: unknown } }).desk?.id
  } catch {
    return false
  }
  if (typeof desk !== 'string') return false
  const rebuilt = buildRequestBody({
    clientId: record.clientId,
    capturedAt: record.capturedAt,
    captured: record.captured,
    deskId: desk,
    documents: record.documents,
    emailVerification: record.emailVerification,
  })
  return rebuilt.toString('utf8') === record.requestBody
}
