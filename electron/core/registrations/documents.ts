import type { Database } from 'better-sqlite3'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import { maxDocuments, type DocumentKind } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import { openJson, sealJson } from './sealed-json'

/** What is sealed in a document row: the file name can hold the student's name. */
interface SealedMeta {
  fileName: string
  pages?: number
  width?: number
  height?: number
}

const SELECT = 'SELECT id, kind, meta, media_type, size, sha256, checked FROM documents'

interface Row {
  id: string
  kind: DocumentKind
  meta: Buffer
  media_type: DocumentSummary['mediaType']
  size: number
  sha256: string
  checked: number
}

/**
 * The document rows of registrations. The encrypted file is written to the vault first (fsynced and
 * renamed); the row that references it is committed after, so a crash can leave an orphan file
 * (swept at start) but never a row without its file.
 */
export class Documents {
  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly now: () => Date = () => new Date(),
  ) {}

  attach(
    clientId: string,
    kind: DocumentKind,
    doc: Omit<DocumentSummary, 'kind' | 'checked'>,
  ): DocumentSummary {
    const { id, fileName, mediaType, size, sha256, pages, width, height } = doc
    const meta: SealedMeta = { fileName, pages, width, height }
    this.db.transaction(() => {
      const state = this.db
        .prepare('SELECT state FROM registrations WHERE client_id = ?')
        .pluck()
        .get(clientId)
      if (state !== 'draft') {
        throw new GuichetFailure(
          'not_a_draft',
          'Documents can only be added to the registration being filled.',
        )
      }
      const count = this.db
        .prepare('SELECT count(*) FROM documents WHERE client_id = ? AND kind = ?')
        .pluck()
        .get(clientId, kind) as number
      if (count >= maxDocuments[kind]) {
        throw new GuichetFailure(
          'slot_full',
          `This slot holds ${maxDocuments[kind]} files at most; remove one before adding another.`,
        )
      }
      this.db
        .prepare(
          `INSERT INTO documents (id, client_id, kind, meta, media_type, size, sha256, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          clientId,
          kind,
          sealJson(this.key, meta, id),
          mediaType,
          size,
          sha256,
          this.now().toISOString(),
        )
    })()
    return { ...doc, kind, checked: false }
  }

  list(clientId: string): DocumentSummary[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE client_id = ? ORDER BY added_at, rowid`)
      .all(clientId) as Row[]
    return rows.map((row) => this.toSummary(row))
  }

  summary(id: string): DocumentSummary | undefined {
    const row = this.db.prepare(`${SELECT} WHERE id = ?`).get(id) as Row | undefined
    return row && this.toSummary(row)
  }

  /** The record a document belongs to, so the audit log can name it by reference. */
  clientIdOf(id: string): string | undefined {
    return this.db.prepare('SELECT client_id FROM documents WHERE id = ?').pluck().get(id) as
      string | undefined
  }

  private toSummary(row: Row): DocumentSummary {
    return {
      id: row.id,
      kind: row.kind,
      ...openJson<SealedMeta>(this.key, row.meta, row.id),
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
      checked: row.checked === 1,
    }
  }

  /** Removes a document of the draft; returns true when a row went, so its file can be deleted. */
  remove(id: string): boolean {
    const result = this.db
      .prepare(
        "DELETE FROM documents WHERE id = ? AND client_id IN (SELECT client_id FROM registrations WHERE state = 'draft')",
      )
      .run(id)
    return result.changes === 1
  }

  setChecked(id: string, checked: boolean): void {
    this.db.prepare('UPDATE documents SET checked = ? WHERE id = ?').run(checked ? 1 : 0, id)
  }
}
