import { createHash } from 'node:crypto'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { exportQueue } from '../../../electron/core/transfer/export'
import { ExportReader, ExportWriter } from '../../../electron/core/transfer/format'
import { importQueue } from '../../../electron/core/transfer/import'
import type { ExportedRecord } from '../../../electron/core/transfer/record'
import { referenceOf } from '../../../src/domain/queue/reference'
import type { GuichetFailure } from '../../../src/domain/result'
import { pdfWithCompressedJavaScript, sidewaysPhotoWithGps } from '../../fixtures/documents/corpus'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

const PASSPHRASE = 'correct horse battery staple'
let dirs: string[]
let fair: Core
let office: Core
let file: string
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dirs = [tempDir('guichet-fair-'), tempDir('guichet-office-'), tempDir('guichet-file-')]
  fair = await openDesk(dirs[0]!, null)
  office = await openDesk(dirs[1]!, null)
  file = join(dirs[2]!, 'queue.guichet')
  files = await documentFiles(dirs[2]!)
})
afterEach(() => {
  fair.close()
  office.close()
  cleanup(...dirs)
})

interface Entry {
  record: ExportedRecord
  documents: Buffer[]
}

/**
 * Rewrites the export as someone holding the passphrase could: the records and documents edited,
 * then sealed again, so that only the importing desk's own checks stand between them and its outbox.
 */
async function tamper(edit: (entries: Entry[]) => void): Promise<void> {
  const reader = await ExportReader.open(file, PASSPHRASE)
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
  const writer = await ExportWriter.create(file, PASSPHRASE, { N: 2 ** 15, r: 8, p: 1 })
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
  const error = (await importQueue(office, file, PASSPHRASE).catch((e: unknown) => e)) as GuichetFailure
  expect(error).toMatchObject({ code: 'import_refused' })
  // Nothing of the file was taken in: no record, no scan in the vault.
  expect(office.outbox.counts().queued).toBe(0)
  const vault = join(dirs[1]!, 'documents')
  expect(existsSync(vault) ? readdirSync(vault) : []).toEqual([])
  return error
}

// Each test derives a few scrypt keys of 128 MiB: slow on a loaded machine, whatever the code does.
describe('an imported record is checked as if typed and taken in here', { timeout: 120_000 }, () => {
  it('refuses the whole file, naming the record whose student fails the form’s schema', async () => {
    const good = await queueOne(fair, files)
    const bad = await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
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
    const clientId = await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    const evil = await pdfWithCompressedJavaScript()
    await tamper(([entry]) => swapDocument(entry!, 0, evil, 'application/pdf'))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.documents.0`, code: 'pdf_active_content' }),
    ])
  })

  it('refuses an image that still carries metadata this desk strips (GPS position)', async () => {
    const clientId = await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    const photo = await sidewaysPhotoWithGps()
    await tamper(([entry]) => swapDocument(entry!, 1, photo, 'image/jpeg'))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.documents.1`, code: 'image_metadata' }),
    ])
  })

  it('refuses a request body that is not the one its record makes', async () => {
    const clientId = await queueOne(fair, files, 'linh@example.org')
    await exportQueue(fair, file, PASSPHRASE)
    await tamper(([entry]) => {
      entry!.record.requestBody = entry!.record.requestBody.replace('linh@example.org', 'thief@example.org')
    })
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.requestBody`, code: 'body_mismatch' }),
    ])
  })

  it('refuses an envelope out of bounds (a server id of a megabyte)', async () => {
    const clientId = await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    await tamper(([entry]) => void (entry!.record.serverId = 'x'.repeat(1 << 20)))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: `${referenceOf(clientId)}.serverId` }),
    ])
  })

  it('refuses a file holding one registration twice', async () => {
    const clientId = await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    await tamper((entries) => entries.push(structuredClone(entries[0]!)))
    expect((await refusal()).fields).toEqual([
      expect.objectContaining({ path: referenceOf(clientId), code: 'duplicate_record' }),
    ])
  })

  it('takes a phone photo as the exporting desk normalized it (colour profile kept, EXIF gone)', async () => {
    const photo = join(dirs[2]!, 'IMG_2041.jpg')
    writeFileSync(photo, await sidewaysPhotoWithGps())
    await queueOne(fair, { ...files, identity: photo })
    await exportQueue(fair, file, PASSPHRASE)
    expect(await importQueue(office, file, PASSPHRASE)).toMatchObject({ records: 1, documents: 2 })
  })

  it('takes an untouched file whole', async () => {
    await queueOne(fair, files)
    await queueOne(fair, files)
    await exportQueue(fair, file, PASSPHRASE)
    await tamper(() => {})
    expect(await importQueue(office, file, PASSPHRASE)).toMatchObject({ records: 2, documents: 4 })
  })
})
