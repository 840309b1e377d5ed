import type { Migration } from '../migration'

/**
 * Operators who sign in per shift, and the wrong-PIN counters of every PIN the desk checks (the admin's
 * and each operator's), kept here so that restarting the app does not clear a lockout.
 * An operator's name is sealed with the data key and bound to its id; the PIN is a scrypt hash.
 */
export const operators: Migration = {
  version: 5,
  name: 'operators',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        id       TEXT PRIMARY KEY NOT NULL,
        name     BLOB NOT NULL,
        pin_hash TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pin_tries (
        subject      TEXT PRIMARY KEY NOT NULL,
        failures     INTEGER NOT NULL DEFAULT 0,
        lockouts     INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `)
  },
}
