import type { Migration } from '../migration'

/**
 * Every document id this database handed to the vault, written before its file is
 * (documents/vault.ts): the start-up sweep deletes only files listed here, so a database that never
 * knew a scan (a new or emptied file, an older backup) can never be the one to delete it. The ids of
 * the documents already stored are the ones this database gave out before.
 */
export const vaultIssued: Migration = {
  version: 10,
  name: 'vault-issued',
  up(db) {
    db.exec(`
      CREATE TABLE vault_issued (id TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO vault_issued (id) SELECT id FROM documents;
    `)
  },
}
