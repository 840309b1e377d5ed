import type { Migration } from '../migration'

/**
 * Document metadata sealed with a copy of its row's record, kind, type, size and digest
 * (registrations/document-meta.ts), and each queued record's list of documents sealed with it
 * (`documents_seal`, registrations/record-documents.ts). `meta_format` 1 marks the rows sealed the
 * first way, for the bare id: a migration has no key, so the desk seals them again, and lists the
 * records' documents, at its next start, once, in one transaction
 * (registrations/bind-legacy-documents.ts). The partial index keeps that look a search at every start.
 */
export const documentBinding: Migration = {
  version: 8,
  name: 'document-binding',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN meta_format INTEGER NOT NULL DEFAULT 2 CHECK (meta_format IN (1, 2));
      UPDATE documents SET meta_format = 1;
      CREATE INDEX documents_sealed_first_way ON documents (id) WHERE meta_format = 1;
      ALTER TABLE registrations ADD COLUMN documents_seal BLOB;
    `)
  },
}
