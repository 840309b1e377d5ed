import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { closeDatabase } from '../../../electron/core/db/clean-shutdown'
import { openDatabase } from '../../../electron/core/db/open'
import { migrations } from '../../../electron/core/db/migrations'
import { inspectFile } from '../../../electron/core/documents/inspect'
import { DocumentVault } from '../../../electron/core/documents/vault'
import { loadReferenceData } from '../../../electron/core/reference-data'
import { emailKeyer } from '../../../electron/core/registrations/email-key'
import { sealJson } from '../../../electron/core/registrations/sealed-json'
import { registrationFormSchema, toStudent } from '../../../src/domain/registration/schema'
import { resourcesDir, studentForm } from '../sync/desk'

/** The last schema before documents were bound to their record. */
const BEFORE_BINDING = 7

export interface LegacyDocument {
  id: string
  clientId: string
  sha256: string
  /** The metadata as the first way sealed it, for the bare id. */
  meta: Buffer
}

export interface LegacyDesk {
  queued: string[]
  draft: string
  documents: LegacyDocument[]
}

/**
 * A data folder as Guichet left it before migration 0008: schema 7, and `records` queued registrations
 * (an identity scan and an enrollment certificate each, the files' real bytes in the vault) plus a
 * draft holding one scan, written with the statements the desk ran then: document metadata sealed for
 * the bare id, and no list of documents on the record.
 */
export async function legacyDesk(
  dataDir: string,
  key: Buffer,
  files: { identity: string; enrollment: string },
  records: number,
): Promise<LegacyDesk> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = openDatabase(join(dataDir, 'guichet.sqlite'), {
    migrations: migrations.slice(0, BEFORE_BINDING),
  })
  const vault = new DocumentVault(join(dataDir, 'documents'), key)
  const reference = loadReferenceData(resourcesDir)
  const emailKey = emailKeyer(key)
  const scans = {
    identity: await inspected(files.identity),
    enrollment: await inspected(files.enrollment),
  }
  const desk: LegacyDesk = { queued: [], draft: randomUUID(), documents: [] }
  const at = new Date('2026-09-02T09:00:00.000Z')
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const attach = async (clientId: string, kind: 'identity' | 'enrollment') => {
    const scan = scans[kind]
    const id = await vault.put(scan.bytes)
    const { fileName, pages, width, height, mediaType, size, sha256 } = scan
    const meta = sealJson(key, { fileName, pages, width, height }, id)
    insertDocument.run(id, clientId, kind, meta, mediaType, size, sha256, at.toISOString())
    desk.documents.push({ id, clientId, sha256, meta })
  }
  for (let i = 0; i < records; i++) {
    const clientId = randomUUID()
    const form = studentForm()
    const student = toStudent(
      await registrationFormSchema.validate(form, { context: { ...reference.context(at), now: at } }),
    )
    const captured = { student, desk: { id: 'fair-desk-7', event: 'Salon 2026', operator: 'QA' } }
    db.prepare(
      `INSERT INTO registrations (client_id, state, payload, email_key, created_at, updated_at, captured_at)
       VALUES (?, 'queued', ?, ?, ?, ?, ?)`,
    ).run(
      clientId,
      sealJson(key, captured, clientId),
      emailKey(student.email),
      ...Array(3).fill(at.toISOString()),
    )
    await attach(clientId, 'identity')
    await attach(clientId, 'enrollment')
    desk.queued.push(clientId)
  }
  db.prepare(
    "INSERT INTO registrations (client_id, state, payload, created_at, updated_at, opened_at) VALUES (?, 'draft', ?, ?, ?, ?)",
  ).run(desk.draft, sealJson(key, { lastName: 'Okafor' }, desk.draft), ...Array(3).fill(at.toISOString()))
  await attach(desk.draft, 'identity')
  closeDatabase(db)
  return desk
}

async function inspected(path: string) {
  const result = await inspectFile(path)
  if (!result.ok) throw new Error(`The fixture ${path} is refused: ${result.error.code}`)
  return { ...result, fileName: basename(path) }
}
