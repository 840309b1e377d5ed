import type { Database } from 'better-sqlite3'
import type { DocumentSummary } from '../../../src/domain/queue/documents'
import { maxDocuments, type DocumentKind } from '../../../src/domain/queue/states'
import { GuichetFailure } from '../../../src/domain/result'
import { openDocumentMeta, sealDocumentMeta, type DocumentColumns } from './document-meta'

const SELECT =
  'SELECT id, client_id AS clientId, kind, meta, media_type AS mediaType, size, sha256, checked FROM documents'

interface Row extends DocumentColumns {
  meta: Buffer
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
    const meta = sealDocumentMeta(
      this.key,
      { id, clientId, kind, mediaType, size, sha256 },
      { fileName, pages, width, height },
    )
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
        .run(id, clientId, kind, meta, mediaType, size, sha256, this.now().toISOString())
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

  /** `document_altered` when the row's columns are not the ones sealed with it (document-meta.ts). */
  private toSummary({ meta, checked, ...columns }: Row): DocumentSummary {
    const details = openDocumentMeta(this.key, meta, columns)
    const { id, kind, mediaType, size, sha256 } = columns
    return { id, kind, ...details, mediaType, size, sha256, checked: checked === 1 }
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
