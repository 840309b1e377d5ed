import type { Migration } from '../migration'

/**
 * The audit log: one row per action, each carrying the hash of the one before and a MAC made with a
 * key derived from the data key. `audit_anchors` holds the MAC'd head (so a removed last entry shows)
 * and the checkpoint pruning leaves (so the chain still verifies from there).
 * The triggers make the table append-only for the app: no update, and no delete past the checkpoint.
 */
export const audit: Migration = {
  version: 6,
  name: 'audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq     INTEGER PRIMARY KEY NOT NULL,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        subject TEXT,
        detail  TEXT,
        prev    BLOB NOT NULL,
        hash    BLOB NOT NULL,
        mac     BLOB NOT NULL
      ) STRICT;
      CREATE INDEX audit_by_time ON audit_log (at);

      CREATE TABLE audit_anchors (
        name TEXT PRIMARY KEY NOT NULL CHECK (name IN ('head', 'checkpoint')),
        seq  INTEGER NOT NULL,
        hash BLOB NOT NULL,
        at   TEXT NOT NULL,
        mac  BLOB NOT NULL
      ) STRICT;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TRIGGER audit_log_prune_only BEFORE DELETE ON audit_log
      WHEN OLD.seq > COALESCE((SELECT seq FROM audit_anchors WHERE name = 'checkpoint'), 0)
      BEGIN SELECT RAISE(ABORT, 'the audit log is pruned only up to its checkpoint'); END;
    `)
  },
}
