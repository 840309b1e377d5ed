import type { Migration } from '../migration'

/**
 * What the sync needs beyond 0002's outbox columns. `request_body` is the POST body exactly as first
 * sent (sealed), so every retry sends the same bytes the backend compares against the
 * Idempotency-Key. `problem` is the backend's refusal with its per-field messages (sealed: they may
 * quote what was typed). `last_error` holds only the desk's own code and English words.
 * An e-mail verified at the desk is kept per record with the keyed hash of the address verified, so
 * it is sent only while the record still has that address.
 */
export const outbox: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      ALTER TABLE registrations ADD COLUMN request_body BLOB;
      ALTER TABLE registrations ADD COLUMN problem BLOB;
      ALTER TABLE registrations ADD COLUMN server_status TEXT;
      ALTER TABLE registrations ADD COLUMN server_reason TEXT;
      ALTER TABLE registrations ADD COLUMN status_checked_at TEXT;
      CREATE INDEX registrations_sent ON registrations (submitted_at) WHERE state = 'submitted';

      CREATE TABLE email_verifications (
        client_id       TEXT PRIMARY KEY NOT NULL,
        verification_id TEXT NOT NULL,
        email_key       BLOB NOT NULL,
        verified_at     TEXT NOT NULL
      ) STRICT;
    `)
  },
}
