import * as yup from 'yup'
import type { DeskSettings } from '../settings'
import { settingsPatchSchema } from '../settings'
import type { Result } from '../result'
import { setPinRequest, unlockRequest, type AdminStatus } from '../admin'
import {
  addOperatorRequest,
  operatorRequest,
  signInRequest,
  type DeskSession,
  type OperatorSummary,
} from '../people'
import type { Establishment } from '../reference/establishments'
import type { RegistrationDraft } from '../registration/empty-form'
import type { DocumentSummary } from '../queue/documents'
import type { PassportScan } from '../mrz/passport-scan'
import type { QueueCounts, ScanEntry, ScanThumbnail, Subscribe, SyncStatus } from './events'
import type { ConnectionCheck, Correction, QueueScreenPage, TransferSummary } from '../sync/queue'
import {
  confirmCodeRequest,
  deskTokenRequest,
  discardRequest,
  listQueueRequest,
  retryNowRequest,
  sendCodeRequest,
  transferRequest,
} from '../sync/requests'
import {
  attachRequest,
  attestationRequest,
  checkedRequest,
  chooseFilesRequest,
  chooseTransferFileRequest,
  clientIdRequest,
  documentRequest,
  draftRequest,
  passportRequest,
  saveDraftRequest,
  scanRequest,
  establishmentQuery,
  postalCodeQuery,
} from './requests'
import type { Channel } from './channels'
import { dismissProvisioningRequest, enrollRequest } from '../enrollment/provisioning'
import type { Enrolled, EnrollmentStatus } from '../enrollment/status'

export type { Channel }

/**
 * The one table of the desk's IPC: each channel's request schema (checked again in the main process,
 * whatever the renderer sent) and, as a type carrier, its response. electron/main, electron/preload
 * and the web host used by tests and `dev:web` are all built from this table.
 */
const channel =
  <Res>() =>
  <Req extends yup.AnySchema>(request: Req) => ({ request, response: undefined as unknown as Res })

/** A channel that takes nothing; anything sent is refused rather than ignored. */
const none = yup.object({}).noUnknown().optional().default(undefined)

export interface AppInfo {
  name: string
  version: string
  /** 'electron' or 'web' (dev:web and tests); the UI shows it so a demo is never mistaken for a desk. */
  host: 'electron' | 'web' | 'cli'
  dataDir: string
}

export const contract = {
  getAppInfo: channel<AppInfo>()(none),
  getSettings: channel<DeskSettings>()(none),
  updateSettings: channel<DeskSettings>()(settingsPatchSchema.required()),
  /** `openedAt`: when the form was first opened, as sent with its first save. */
  loadDraft: channel<{
    clientId: string
    form: RegistrationDraft
    updatedAt: string
    openedAt: string
  } | null>()(none),
  saveDraft: channel<{ updatedAt: string }>()(saveDraftRequest),
  discardDraft: channel<null>()(clientIdRequest),
  submitRegistration: channel<{ clientId: string; reference: string; capturedAt: string }>()(draftRequest),
  searchEstablishments: channel<Establishment[]>()(establishmentQuery),
  communesFor: channel<string[]>()(postalCodeQuery),
  /** UAIs of the establishments list whose key letter does not check (taken as published). */
  uaiExceptions: channel<string[]>()(none),
  /** Opens the system file dialog for a slot (in main); answers the chosen paths, [] if cancelled. */
  chooseFiles: channel<string[]>()(chooseFilesRequest),
  /** The system dialog for an export file to write or read (in main); null if cancelled. */
  chooseTransferFile: channel<string | null>()(chooseTransferFileRequest),
  attachDocument: channel<DocumentSummary>()(attachRequest),
  listDocuments: channel<DocumentSummary[]>()(clientIdRequest),
  removeDocument: channel<null>()(documentRequest),
  setDocumentChecked: channel<null>()(checkedRequest),
  /** The stored (normalized) bytes, base64, for the preview. */
  readDocument: channel<{ mediaType: DocumentSummary['mediaType']; base64: string }>()(documentRequest),
  /** The files now in the scanner folder (then kept current by the scansChanged event). */
  listScans: channel<ScanEntry[]>()(none),
  /** The tray's picture of a file now in the scanner folder (any other path is refused). */
  scanThumbnail: channel<ScanThumbnail>()(scanRequest),
  /** The sworn statement (attestation sur l'honneur) as a PDF, pre-filled from the form. */
  generateAttestation: channel<{ fileName: string; base64: string }>()(attestationRequest),
  /** Reads the MRZ of a passport scan taken in (offline OCR, off the main thread) for the form's offer. */
  readPassportMrz: channel<PassportScan>()(passportRequest),
  adminStatus: channel<AdminStatus>()(none),
  unlockAdmin: channel<AdminStatus>()(unlockRequest),
  lockAdmin: channel<AdminStatus>()(none),
  setAdminPin: channel<AdminStatus>()(setPinRequest),
  /** The sync's state now (then kept current by the syncStatus event). */
  getSyncStatus: channel<SyncStatus>()(none),
  /** Stores the desk token in the OS keychain (admin); the sync runs again if a refused token stopped it. */
  setDeskToken: channel<{ tokenSet: true }>()(deskTokenRequest),
  testConnection: channel<ConnectionCheck>()(none),
  /** The queue screen's list, newest first, a page at a time. */
  listQueue: channel<QueueScreenPage>()(listQueueRequest),
  queueCounts: channel<QueueCounts>()(none),
  /** Makes one record (or every record waiting) due now and runs the sync. */
  retryNow: channel<null>()(retryNowRequest),
  pauseSync: channel<SyncStatus>()(none),
  resumeSync: channel<SyncStatus>()(none),
  /** Removes a record not yet sent (admin), confirmed by its reference typed again. */
  discardRecord: channel<null>()(discardRequest),
  /** Makes a refused record the draft again; the form then loads it with loadDraft. */
  reopenForCorrection: channel<Correction>()(clientIdRequest),
  sendVerificationCode: channel<{ id: string; expiresAt: string }>()(sendCodeRequest),
  confirmVerificationCode: channel<{ id: string; verifiedAt: string }>()(confirmCodeRequest),
  /** Writes the records not yet sent, with their documents, to one passphrase-encrypted file (admin). */
  exportQueue: channel<TransferSummary>()(transferRequest),
  importQueue: channel<TransferSummary>()(transferRequest),
  /** "Enroll this desk" (admin): the one-time code for the token (keychain) and desk id (settings). */
  enrollDesk: channel<Enrolled>()(enrollRequest),
  /** Enrolled or not, what is missing, and how the provisioning file at start went. */
  enrollmentStatus: channel<EnrollmentStatus>()(none),
  /** The provisioning notice read: not shown again, at this start or a later one ending the same way. */
  dismissProvisioning: channel<EnrollmentStatus>()(dismissProvisioningRequest),
  /** The admin accepts the other backend a provisioning notice names: the desk enrolls there. */
  acceptNewBackend: channel<EnrollmentStatus>()(dismissProvisioningRequest),
  /** Who is signed in and whether the privacy screen covers the desk (then kept current by sessionChanged). */
  sessionStatus: channel<DeskSession>()(none),
  /** The operators to pick from at sign-in (staff names, no student data). */
  listOperators: channel<OperatorSummary[]>()(none),
  /** An operator's PIN (or the admin's, with operatorId null) opens the desk. */
  signIn: channel<DeskSession>()(signInRequest),
  signOut: channel<DeskSession>()(none),
  /** Covers the screen (Ctrl/Cmd+L, idle): names leave the core again only after a PIN. */
  lockScreen: channel<DeskSession>()(none),
  addOperator: channel<OperatorSummary>()(addOperatorRequest),
  removeOperator: channel<null>()(operatorRequest),
} satisfies Record<Channel, { request: yup.AnySchema; response: unknown }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = yup.InferType<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']

/**
 * `window.guichet`: one function per channel, each answering a Result, `on` for the core's events,
 * `pathForFile` for a file the page holds (dropped, or picked in the browser's chooser): in Electron
 * only the preload may ask where it lives; the web host, which cannot know, takes its bytes into a
 * private temporary folder. `pagePicksFiles`: there is no system dialog (the web host), so the page
 * opens the browser's own file chooser.
 */
export type GuichetApi = {
  [C in Channel]: undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & { on: Subscribe; pathForFile: (file: File) => Promise<Result<string>>; pagePicksFiles: () => boolean }
