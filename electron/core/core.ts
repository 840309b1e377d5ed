import type { Database } from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AppInfo } from '../../src/domain/ipc/contract'
import { GuichetFailure } from '../../src/domain/result'
import type { ProvisioningOutcome } from '../../src/domain/enrollment/status'
import type { HeldProvisioning } from './enrollment/first-start'
import { AdminActions } from './admin/admin-actions'
import { AdminLock } from './admin/admin-lock'
import { AuditLog } from './audit/audit-log'
import { pruneAudit } from './audit/retention'
import { lockDesk, type DeskLock } from './db/desk-lock'
import { checkDataKey } from './data-key-check'
import { closeDatabase } from './db/clean-shutdown'
import { isCorruption, noteDamage } from './db/damage'
import { diskFullAtStart } from './disk-full'
import { openDatabase } from './db/open'
import { sealedItems } from './db/sealed-data'
import { unflushed } from './db/unflushed'
import { DeskEventBus } from './events'
import { GrantedPaths } from './documents/granted-paths'
import { ScannerFolder } from './documents/scanner-folder'
import { DocumentVault } from './documents/vault'
import { queueAnnouncer } from './outbox/announce'
import { Passports } from './ocr/passports'
import { Outbox } from './outbox/outbox'
import { Operators } from './people/operators'
import { PinGuard } from './people/pin-guard'
import { DeskSessions } from './people/session'
import { privateFile, privateFolder } from './private-files'
import { loadReferenceData, type ReferenceData } from './reference-data'
import { bindLegacyDocuments } from './registrations/bind-legacy-documents'
import { Documents } from './registrations/documents'
import { Registrations } from './registrations/repository'
import { dataKey, osKeychain, type SecretStore } from './secrets'
import { SettingsStore } from './settings-store'
import { DeskToken } from './sync/desk-token'
import { EmailVerification } from './sync/email-verification'
import { systemClock, type Clock } from './sync/clock'
import { SyncEngine, type SyncTuning } from './sync/engine'
import type { Transport } from './sync/transport'
import { SyncStateStore } from './sync/sync-state'

export interface CoreOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
  /** Where resources/ is: the project's in development, process.resourcesPath's in an installed app. */
  resourcesDir: string
  secrets?: SecretStore
  nativeBinding?: string
  now?: () => Date
  /** Time for the sync's waits and timers (tests move it themselves); stands for `now` when given. */
  clock?: Clock
  /** How the sync reaches the backend (the app's honours the system proxy); node:http otherwise. */
  transport?: Transport
  /** The admin CLI's --backend and GUICHET_TOKEN, standing for the setting and the keychain. */
  backend?: { url?: string; token?: string }
  /** Tests shorten the sync's waits. */
  syncTuning?: Partial<SyncTuning>
  /** Where the sync reports bugs (the desk log). */
  onUnexpected?: (error: unknown) => void
}

/** The desk's engine, the same in Electron's main process, the web host and the admin CLI. */
export interface Core {
  readonly appInfo: AppInfo
  readonly db: Database
  readonly settings: SettingsStore
  readonly registrations: Registrations
  readonly documents: Documents
  readonly vault: DocumentVault
  readonly reference: ReferenceData
  readonly now: () => Date
  readonly events: DeskEventBus
  readonly admin: AdminLock
  /** The agents who may sign in at this desk. */
  readonly operators: Operators
  /** Who is signed in, and whether the privacy screen covers the desk. */
  readonly session: DeskSessions
  /** Who did what: `audit.record(event)` for every action worth an entry. */
  readonly audit: AuditLog
  /** Admin actions once done (enrollment, settings changed): where the audit log hooks in. */
  readonly adminActions: AdminActions
  /**
   * What the provisioning file found at this start did (provisionAtStart), for the agent to read,
   * and the file held for an admin when it names another backend than the desk's.
   */
  readonly provisioning: { outcome: ProvisioningOutcome | null; held: HeldProvisioning | null }
  /** The scanner's folder, watched while the scannerFolder setting names one. */
  readonly scans: ScannerFolder
  /** Registrations on their way to the backend: states, the queue list, counts. */
  readonly outbox: Outbox
  /** Idle until `sync.start()` (the app, the web host) or `drain` (the CLI's sync --once). */
  readonly sync: SyncEngine
  readonly deskToken: DeskToken
  readonly emailVerification: EmailVerification
  /**
   * Files the agent handed over (dialog, drop, an upload saved by the host): every host calls
   * `grants.grant` with what the agent chose, and attachDocument reads only these.
   */
  readonly grants: GrantedPaths
  /** Passport MRZ reading (OCR workers started on first use, released when idle). */
  readonly passports: Passports
  close(): void
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const dataDir = resolve(options.dataDir)
  try {
    return await openIn(options, dataDir)
  } catch (error) {
    // A nearly full disk makes SQLite say "disk I/O error" (no room for its WAL index): the app's start
    // dialog and the desk commands say disk_full instead, in words, when the folder has no room.
    throw diskFullAtStart(error, dataDir) ?? error
  }
}

async function openIn(options: CoreOptions, dataDir: string): Promise<Core> {
  privateFolder(dataDir)
  // Made 0700 by whoever creates them; one made by an older Guichet is tightened here.
  for (const folder of ['documents', 'logs']) privateFolder(join(dataDir, folder), { create: false })
  privateFile(join(dataDir, 'guichet.lock'))
  const lock = lockDesk(dataDir, options.nativeBinding)
  try {
    return await openLocked(options, dataDir, lock)
  } catch (error) {
    lock.release()
    throw error
  }
}

async function openLocked(options: CoreOptions, dataDir: string, lock: DeskLock): Promise<Core> {
  const file = join(dataDir, 'guichet.sqlite')
  privateFile(file, `${file}-wal`, `${file}-shm`)
  const documentsDir = join(dataDir, 'documents')
  const db = openDatabase(file, { ...options, setAsideWith: [documentsDir] })
  try {
    return await assemble(options, dataDir, lock, db, documentsDir)
  } catch (error) {
    // Whatever failed after the open (no key, a full disk), no handle is left on the folder.
    if (db.open) db.close()
    throw error
  }
}

async function assemble(
  options: CoreOptions,
  dataDir: string,
  lock: DeskLock,
  db: Database,
  documentsDir: string,
): Promise<Core> {
  const clock = options.clock ?? systemClock(options.now)
  const now = () => clock.now()
  const secrets = options.secrets ?? osKeychain()
  const key = await dataKey(secrets, dataDir, () => sealedItems(db, documentsDir))
  checkDataKey(db, key, dataDir)
  // Before anything reads a document: rows sealed before migration 0008 are bound to their record.
  bindLegacyDocuments(db, key)
  const issue = db.prepare('INSERT INTO vault_issued (id) VALUES (?)')
  // Not waiting for the disk: the commit that keeps the scan's row, which does, flushes this with it.
  // A power cut before that leaves a file this database does not know: set aside, never deleted.
  const vault = new DocumentVault(documentsDir, key, undefined, (id) => {
    unflushed(db, () => issue.run(id))
  })
  await sweepVault(db, vault, now())
  const settings = new SettingsStore(db)
  const events = new DeskEventBus()
  const onUnexpected = (error: unknown) => {
    noteDamage(error)
    options.onUnexpected?.(error)
  }
  const announce = queueAnnouncer(events, () => {
    if (!db.open) return null
    try {
      return outbox.counts()
    } catch (error) {
      // Met by a timer, with nobody to answer: logged, and the next start checks the file (damage.ts).
      if (!isCorruption(error)) throw error
      onUnexpected(error)
      return null
    }
  })
  const outbox: Outbox = new Outbox(db, key, now, announce)
  outbox.recover()
  const millis = () => now().getTime()
  const guard = new PinGuard(db, millis)
  const admin = new AdminLock(secrets, dataDir, db, guard, millis)
  const operators = new Operators(db, key, guard, now)
  const session = new DeskSessions(operators, admin, events)
  // File names can be a student's: behind the privacy screen the page hears of none (listScans waits too).
  const scans = new ScannerFolder((entries) =>
    events.emit('scansChanged', session.status().locked ? [] : entries),
  )
  scans.follow(settings.get().scannerFolder)
  const audit = new AuditLog(db, key, now, () => {
    const operator = session.current()
    if (operator) return `operator:${operator.id}`
    return admin.activeNow() ? 'admin' : options.host === 'cli' ? 'cli' : 'desk'
  })
  const adminActions = new AdminActions()
  adminActions.on((action) =>
    audit.record(
      action.kind === 'desk_enrolled'
        ? { action: 'enrollment', subject: action.deskId, detail: { via: action.via } }
        : { action: 'settings_changed', detail: { settings: [...action.keys].sort(), via: action.via } },
    ),
  )
  pruneAudit(db, audit, settings.get().retentionDays, now())
  const grants = new GrantedPaths()
  const deskToken = new DeskToken(secrets, dataDir, options.backend?.token)
  const sync = new SyncEngine({
    outbox,
    vault,
    settings,
    events,
    token: deskToken,
    state: new SyncStateStore(db),
    clock,
    ...(options.transport && { transport: options.transport }),
    ...(options.backend?.url !== undefined && { backendUrl: options.backend.url }),
    ...(options.syncTuning && { tuning: options.syncTuning }),
    onUnexpected,
  })
  const passports = new Passports({ resourcesDir: options.resourcesDir, dataDir, now })
  return {
    appInfo: { name: 'Guichet', version: options.version, host: options.host, dataDir },
    db,
    settings,
    registrations: new Registrations(db, key, now),
    documents: new Documents(db, key, now),
    vault,
    reference: loadReferenceData(options.resourcesDir),
    now,
    events,
    admin,
    operators,
    session,
    audit,
    adminActions,
    provisioning: { outcome: null, held: null },
    scans,
    outbox,
    sync,
    deskToken,
    emailVerification: new EmailVerification(() => sync.clientOrFail(), outbox.verifications),
    grants,
    passports,
    close: () => {
      void passports.close()
      sync.close()
      scans.stop()
      closeDatabase(db)
      lock.release()
    },
  }
}

/**
 * A crash between writing a scan and committing its row leaves a file nothing references: the sweep
 * deletes those, but only among the ids this database issued (vault_issued). Scans it never issued
 * are moved aside and the desk stops once to say where, as for a damaged database: they are another
 * database's unsent registrations (this one is new, emptied or restored from an older backup). The
 * one case left: a backup taken in the instant between an id's issue and its row's commit lists that
 * id without a row, so restoring it removes that scan, of a record the backup does not hold either.
 */
async function sweepVault(db: Database, vault: DocumentVault, now: Date): Promise<void> {
  const known = db.prepare('SELECT id FROM documents').pluck().all() as string[]
  const issued = db.prepare('SELECT id FROM vault_issued').pluck().all() as string[]
  const asideDir = `${vault.dir}.unclaimed-${now.toISOString().replace(/[:.]/g, '-')}`
  const { setAside } = await vault.sweepOrphans(known, { issued, asideDir })
  // Ids whose file is gone and that no row holds need no keeping: none will come back to be swept.
  const kept = new Set(known)
  const forget = db.prepare('DELETE FROM vault_issued WHERE id = ?')
  db.transaction(() => {
    for (const id of issued) if (!kept.has(id) && !existsSync(join(vault.dir, `${id}.bin`))) forget.run(id)
  })()
  if (setAside.length === 0) return
  throw new GuichetFailure(
    'scans_set_aside',
    `${setAside.length} scan(s) in the documents folder were not known to the desk database, which is new, ` +
      `emptied or older than them: none was deleted, all were kept at ${asideDir}. Guichet will start with ` +
      'the queue of this database; send that folder with the desk database to support to recover them. / ' +
      `${setAside.length} scan(s) du dossier documents étaient inconnus de la base du poste (nouvelle, vidée ` +
      `ou plus ancienne qu’eux) : aucun n’a été supprimé, tous ont été mis de côté dans ${asideDir}. ` +
      'Guichet va démarrer avec la file de cette base ; envoyez ce dossier et la base du poste au support ' +
      'pour les récupérer.',
  )
}
