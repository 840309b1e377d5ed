import type { Migration } from '../migration'

/**
 * A registration from its first keystroke (state 'draft') to its receipt. Personal data lives only
 * in `payload`, sealed with the desk's data key and bound to the row's client_id; `email_key` is a
 * keyed hash that enforces one e-mail, one registration without keeping the address in clear.
 * Documents are encrypted files in the vault; their rows carry the hash and size the sync needs.
 */
export const registrations: Migration = {
  version: 2,
  name: 'registrations',
  up(db) {
    db.exec(`
      CREATE TABLE registrations (
        client_id       TEXT PRIMARY KEY NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'sending', 'awaiting_documents',
                                                      'retry_wait', 'needs_attention', 'submitted')),
        payload         BLOB NOT NULL,
        email_key       BLOB UNIQUE,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        captured_at     TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error      TEXT,
        server_id       TEXT,
        submitted_at    TEXT,
        purged_at       TEXT
      ) STRICT;
      CREATE UNIQUE INDEX registrations_one_draft ON registrations (state) WHERE state = 'draft';
      CREATE INDEX registrations_by_state ON registrations (state, next_attempt_at);
      CREATE INDEX registrations_by_capture ON registrations (captured_at);

      CREATE TABLE documents (
        id          TEXT PRIMARY KEY NOT NULL,
        client_id   TEXT NOT NULL REFERENCES registrations (client_id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('identity', 'enrollment')),
        meta        BLOB NOT NULL,
        media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size        INTEGER NOT NULL CHECK (size > 0),
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        checked     INTEGER NOT NULL DEFAULT 0 CHECK (checked IN (0, 1)),
        added_at    TEXT NOT NULL,
        uploaded_at TEXT
      ) STRICT;
      CREATE INDEX documents_by_registration ON documents (client_id, kind, added_at);
    `)
  },
}
