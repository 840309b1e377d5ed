import type { Migration } from '../migration'

/**
 * Keeps every outbox operation a search, not a scan, at 100,000 records (a season of fairs):
 * - one index per question the sync and the queue screen ask (what is due next in each state, what to
 *   purge, whose status to refresh, the screen's pages with or without a state), partial where only
 *   some rows can answer it, each ordered as the answer is read, so no temporary sort;
 * - `outbox_counts`, the number of records per state, kept by triggers on every insert, delete and
 *   change of state, so the queue's counts are read, not counted;
 * - a deleted record takes its e-mail verification with it.
 * The indexes these replace (by state, by capture time, sent, documents by kind) answered none of them without a sort or
 * a scan.
 */
export const outboxIndexes: Migration = {
  version: 4,
  name: 'outbox-indexes',
  up(db) {
    db.exec(`
      DROP INDEX registrations_by_state;
      DROP INDEX registrations_by_capture;
      DROP INDEX registrations_sent;

      CREATE INDEX registrations_due ON registrations (state, coalesce(next_attempt_at, captured_at), captured_at);
      CREATE INDEX registrations_to_purge ON registrations (submitted_at)
        WHERE state = 'submitted' AND purged_at IS NULL;
      CREATE INDEX registrations_to_refresh ON registrations (coalesce(status_checked_at, ''))
        WHERE state = 'submitted' AND purged_at IS NULL AND server_id IS NOT NULL
          AND coalesce(server_status, '') NOT IN ('verified', 'rejected');
      CREATE INDEX registrations_queue ON registrations (captured_at, client_id) WHERE state != 'draft';
      CREATE INDEX registrations_queue_by_state ON registrations (state, captured_at, client_id);
      DROP INDEX documents_by_registration;
      CREATE INDEX documents_in_order ON documents (client_id, added_at);
      CREATE INDEX email_verifications_by_age ON email_verifications (verified_at);

      CREATE TABLE outbox_counts (
        state TEXT PRIMARY KEY NOT NULL,
        n     INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO outbox_counts (state, n)
        SELECT value, (SELECT count(*) FROM registrations WHERE state = value)
        FROM json_each('["draft","queued","sending","awaiting_documents","retry_wait","needs_attention","submitted"]');

      CREATE TRIGGER registrations_inserted AFTER INSERT ON registrations BEGIN
        UPDATE outbox_counts SET n = n + 1 WHERE state = NEW.state;
      END;
      CREATE TRIGGER registrations_deleted AFTER DELETE ON registrations BEGIN
        UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state;
        DELETE FROM email_verifications WHERE client_id = OLD.client_id;
      END;
      CREATE TRIGGER registrations_state_changed AFTER UPDATE OF state ON registrations
        WHEN OLD.state IS NOT NEW.state BEGIN
        UPDATE outbox_counts SET n = n - 1 WHERE state = OLD.state;
        UPDATE outbox_counts SET n = n + 1 WHERE state = NEW.state;
      END;
    `)
  },
}
