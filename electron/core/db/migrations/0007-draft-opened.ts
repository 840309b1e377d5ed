import type { Migration } from '../migration'

/**
 * When a registration's form was opened: the scanner tray marks a scan that reached the folder before
 * then as maybe the previous student's, and must say the same when the draft is resumed hours later.
 * `created_at` is the first save, later than the opening, and stays a record's own for good, while a
 * record reopened for correction is opened again. Drafts already there take their first save's time.
 */
export const draftOpened: Migration = {
  version: 7,
  name: 'draft-opened',
  up(db) {
    db.exec(`
      ALTER TABLE registrations ADD COLUMN opened_at TEXT;
      UPDATE registrations SET opened_at = created_at WHERE state = 'draft';
    `)
  },
}
