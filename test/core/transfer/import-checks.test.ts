import { createHash } from 'node:crypto'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportQueue } from '../../../electron/core/transfer/export'
import { ExportReader, ExportWriter, MIN_COST } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import type { ExportedRecord } from '../../../electron/core/transfer/record'
import { referenceOf } from '../../../src/domain/queue/reference'
import type { GuichetFailure } from '../../../src/domain/result'
import { pdfWithCompressedJavaScript, sidewaysPhotoWithGps } from '../../fixtures/documents/corpus'
import { queueOne } from '../sync/desk'
import { PASSPHRASE, useTwoDesks } from './two-desks'

const d = useTwoDesks()

interface Entry {
  record: ExportedRecord
  documents: Buffer[]
}

/**
 * Rewrites the export as someone holding the passphrase could: the records and documents edited,
 * then sealed again, so that only the importing desk's own checks stand between them and its outbox.
 */
async function tamper(edit: (entries: Entry[]) => void): Promise<void> {
  const reader = await ExportReader.open(d.file, PASSPHRASE)
  const entries: Entry[] = []
  for (;;) {
    const frame = JSON.parse((await reader.frame()).toString()) as ExportedRecord | { end: true }
    if ('end' in frame) break
    const documents: Buffer[] = []
    for (let i = 0; i < frame.documents.length; i++) documents.push(await reader.frame())
    entries.push({ record: frame, documents })
  }
  await reader.close()
  edit(entries)
  // Sealed again at the oldest cost still read, which keeps the test quick.
  const writer = await ExportWriter.create(d.file, PASSPHRASE, MIN_COST)
  for (const { record, documents } of entries) {
    await writer.frame(Buffer.from(JSON.stringify(record)))
    for (const bytes of documents) await writer.frame(bytes)
  }
  const documents = entries.reduce((n, e) => n + e.documents.length, 0)
  await writer.frame(Buffer.from(JSON.stringify({ end: true, records: entries.length, documents })))
  await writer.finish()
}

/** Replaces a document's bytes, with a coherent sha256 and size, in the record and in its body. */
function swapDocument(entry: Entry, index: number, bytes: Buffer, mediaType: string) {
  const doc = entry.record.documents[index]!
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  entry.record.requestBody = entry.record.requestBody.replace(doc.sha256, sha256)
  Object.assign(doc, { sha256, size: bytes.length, mediaType })
  entry.documents[index] = bytes
}

async function refusal(): Promise<GuichetFailure> {
  const error = (await importQueue(d.office, d.file, PASSPHRASE).catch((e: unknown) => e)) as GuichetFailure
  expect(error).toMatchObject({ code: 'import_refused' })
  // Nothing of the file was taken in: no record, no scan in the vault.
  expect(d.office.outbox.counts().queued).toBe(0)
  const vault = d.office.vault.dir
  expect(existsSync(vault) ? readdirSync(vault) : []).toEqual([])
  return error
}

// The scrypt cost is not what these test: each export takes the cheapest one a reader accepts.
describe('an imported record is checked as if typed and taken in here', () => {
  it('refuses the whole file, naming the record whose student fails the form’s schema', async () => {
    const good = await queueOne(d.fair, d.files)
    const bad = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper((entries) => {
      const entry = entries.find((e) => e.record.clientId === bad)!
      entry.record.captured.student.email = 'not an address'
      entry.record.captured.student.birthDate = '2031-02-30'
    })
    const error = await refusal()
    const paths = error.fields!.map((f) => f.path)
    expect(paths).toContain(`${referenceOf(bad)}.student.email`)
    expect(paths).toContain(`${referenceOf(bad)}.student.birthDate`)
    expect(paths.some((p) => p.startsWith(referenceOf(good)))).toBe(false)
  })

  it('refuses a document that inspection refuses (a PDF with JavaScript), with its code', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    const evil = await pdfWithCompressedJavaScript()
    await tamper(([entry]) => swapDocument(entry!, 0, evil, 'application/pdf'))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.documents.0`, code: 'pdf_active_content' }),
    ])
  })

  it('refuses an image that still carries metadata this desk strips (GPS position)', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    const photo = await sidewaysPhotoWithGps()
    await tamper(([entry]) => swapDocument(entry!, 1, photo, 'image/jpeg'))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.documents.1`, code: 'image_metadata' }),
    ])
  })

  it('refuses a request body that is not the one its record makes', async () => {
    const clientId = await queueOne(d.fair, d.files, 'linh@example.org')
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper(([entry]) => {
      entry!.record.requestBody = entry!.record.requestBody.replace('linh@example.org', 'thief@example.org')
    })
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.requestBody`, code: 'body_mismatch' }),
    ])
  })

  it('refuses a document whose size is not its bytes’ own, even in a body made to agree', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper(([entry]) => {
      const doc = entry!.record.documents[0]!
      const size = `"size":${doc.size},`
      entry!.record.requestBody = entry!.record.requestBody.replace(size, `"size":${doc.size + 1},`)
      doc.size += 1
    })
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.documents.0`, code: 'size_mismatch' }),
    ])
  })

  it('refuses an envelope out of bounds (a server id of a megabyte)', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper(([entry]) => void (entry!.record.serverId = 'x'.repeat(1 << 20)))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.serverId` }),
    ])
  })

  it('refuses a file holding one registration twice', async () => {
    const clientId = await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper((entries) => entries.push(structuredClone(entries[0]!)))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: referenceOf(clientId), code: 'duplicate_record' }),
    ])
  })

  it('takes a phone photo as the exporting desk normalized it (colour profile kept, EXIF gone)', async () => {
    const photo = join(dirname(d.file), 'IMG_2041.jpg')
    writeFileSync(photo, await sidewaysPhotoWithGps())
    await queueOne(d.fair, { ...d.files, identity: photo })
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 1, documents: 2 })
  })

  it('takes an untouched file whole', async () => {
    await queueOne(d.fair, d.files)
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper(() => {})
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 2, documents: 4 })
  })
})

describe('an imported record’s last problem, kept in clear', () => {
  const lastErrors = () =>
    d.office.db.prepare('SELECT last_error FROM registrations ORDER BY client_id').pluck().all() as (
      string | null
    )[]

  it('keeps a code this desk knows, in this desk’s words, and nothing the file added', async () => {
    await queueOne(d.fair, d.files)
    await queueOne(d.fair, d.files)
    await exportQueue(d.fair, d.file, PASSPHRASE, MIN_COST)
    await tamper(([known, forged]) => {
      known!.record.lastError = { code: 'http_503', message: 'Linh Nguyen, 17/04/2005: on hold' }
      // A code-shaped name and a sentence quoting the student, as a file made elsewhere could hold.
      forged!.record.lastError = { code: 'nguyen', message: 'Refused: Linh Nguyen, born 17/04/2005' }
    })
    expect(await importQueue(d.office, d.file, PASSPHRASE)).toMatchObject({ records: 2 })
    const stored = lastErrors()
    expect(stored.join(' ')).not.toMatch(/nguyen|linh|2005/i)
    expect(stored.filter((text) => text !== null).map((text) => JSON.parse(text!))).toEqual([
      {
        code: 'http_503',
        message: expect.stringMatching(/^The backend is unavailable or busy \(HTTP 503\)/),
      },
    ])
  })
})
