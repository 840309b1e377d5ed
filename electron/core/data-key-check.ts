import type { Database } from 'better-sqlite3'
import { GuichetFailure } from '../../src/domain/result'
import { AuditLog } from './audit/audit-log'
import { open, seal } from './crypto/aead'
import { openJson } from './registrations/sealed-json'
import { accountFor, SERVICE } from './secrets'
import { readDocument, writeDocument } from './settings-table'

/**
 * A value sealed under the data key in the settings table, so a start with another key (a keychain
 * entry restored from the wrong backup, another account's) stops before anything is read, sealed or
 * judged with it: every step after would take the desk's data for altered and could mark it so.
 */
const CHECK = 'data_key_check'
const AAD = Buffer.from('guichet-data-key-check')
/** Rows of each kind tried when there is no check value: one that opens is enough. */
const SAMPLE = 8

/**
 * Refuses the key with `data_key_wrong` when the desk's data was sealed under another one; changes
 * nothing then. The check value answers at once; without it (a desk from before it existed) or when
 * it does not open, the data itself judges: the key fits when one sealed row opens with it, or when
 * nothing is sealed yet. The check value is then written, sealed under this key.
 */
export function checkDataKey(db: Database, key: Uint8Array, dataDir: string): void {
  const check = readDocument(db, CHECK)
  if (typeof check === 'string' && opens(() => open(key, Buffer.from(check, 'base64'), AAD))) return
  const fits = sealedSamples(db, key)
  if (fits.length > 0 && !fits.includes(true)) throw dataKeyWrong(dataDir)
  writeDocument(db, CHECK, seal(key, Buffer.alloc(0), AAD).toString('base64'))
}

/** For a few rows sealed under the data key (records, agents' names, the audit log's head): whether each opens. */
function sealedSamples(db: Database, key: Uint8Array): boolean[] {
  const records = db.prepare('SELECT client_id AS id, payload AS sealed FROM registrations LIMIT ?')
  const operators = db.prepare('SELECT id, name AS sealed FROM operators LIMIT ?')
  const rows = [...records.all(SAMPLE), ...operators.all(SAMPLE)] as { id: string; sealed: Buffer }[]
  const head = new AuditLog(
    db,
    key,
    () => new Date(0),
    () => 'desk',
  ).headFits()
  return [
    ...rows.map(({ id, sealed }) => opens(() => openJson(key, sealed, id))),
    ...(head === null ? [] : [head]),
  ]
}

function opens(read: () => unknown): boolean {
  try {
    read()
    return true
  } catch (error) {
    if (error instanceof GuichetFailure && error.code === 'decrypt_failed') return false
    throw error
  }
}

function dataKeyWrong(dataDir: string): GuichetFailure {
  return new GuichetFailure(
    'data_key_wrong',
    `The data of the desk folder ${dataDir} was sealed with another encryption key than the one the ` +
      `system keychain holds (service ${SERVICE}, account ${accountFor(dataDir, 'data-key')}). ` +
      'Guichet stopped without changing anything. For support: restore that keychain entry from a ' +
      'backup of this computer’s account; with it every record opens again.',
  )
}
