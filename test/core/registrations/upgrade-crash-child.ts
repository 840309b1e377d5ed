/**
 * The start of a desk updated from before migration 0008, killed half-way through sealing its
 * documents again: `DATA_DIR ROWS` opens the database as the core does (migrations applied), then runs
 * the core's own bindLegacyDocuments with a trigger of this connection only (TEMP: nothing of it is in
 * the file) that kills the process once ROWS rows are sealed again, inside the transaction.
 * Its key comes from the parent, in place of the OS keychain.
 */
import { join } from 'node:path'
import { openDatabase } from '../../../electron/core/db/open'
import { bindLegacyDocuments } from '../../../electron/core/registrations/bind-legacy-documents'

const [dataDir = '', rows = '1'] = process.argv.slice(2)
const db = openDatabase(join(dataDir, 'guichet.sqlite'))
db.function('crash_now', () => process.kill(process.pid, 'SIGKILL'))
db.exec(`
  CREATE TEMP TRIGGER crash_mid_upgrade AFTER UPDATE OF meta ON main.documents
  WHEN (SELECT count(*) FROM main.documents WHERE meta_format = 2) >= ${Number(rows)}
  BEGIN SELECT crash_now(); END;
`)
console.log('binding')
bindLegacyDocuments(db, Buffer.from(process.env['GUICHET_CRASH_KEY'] ?? '', 'base64'))
console.log('finished')
