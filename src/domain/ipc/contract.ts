import * as yup from 'yup'
import type { DeskSettings } from '../settings'
import { settingsPatchSchema } from '../settings'
import type { Result } from '../result'
import type { Establishment } from '../reference/establishments'
import type { RegistrationDraft } from '../registration/empty-form'
import type { DocumentSummary } from '../queue/documents'
import {
  attachRequest,
  checkedRequest,
  chooseFilesRequest,
  clientIdRequest,
  documentRequest,
  draftRequest,
  establishmentQuery,
  postalCodeQuery,
} from './requests'
import type { Channel } from './channels'
import type { Subscribe } from './events'

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
  host: 'electron' | 'web'
  dataDir: string
}

export const contract = {
  getAppInfo: channel<AppInfo>()(none),
  getSettings: channel<DeskSettings>()(none),
  updateSettings: channel<DeskSettings>()(settingsPatchSchema.required()),
  loadDraft: channel<{ clientId: string; form: RegistrationDraft; updatedAt: string } | null>()(none),
  saveDraft: channel<{ updatedAt: string }>()(draftRequest),
  discardDraft: channel<null>()(clientIdRequest),
  submitRegistration: channel<{ clientId: string; reference: string; capturedAt: string }>()(draftRequest),
  searchEstablishments: channel<Establishment[]>()(establishmentQuery),
  communesFor: channel<string[]>()(postalCodeQuery),
  /** Opens the system file dialog for a slot (in main); answers the chosen paths, [] if cancelled. */
  chooseFiles: channel<string[]>()(chooseFilesRequest),
  attachDocument: channel<DocumentSummary>()(attachRequest),
  listDocuments: channel<DocumentSummary[]>()(clientIdRequest),
  removeDocument: channel<null>()(documentRequest),
  setDocumentChecked: channel<null>()(checkedRequest),
  /** The stored (normalized) bytes, base64, for the preview. */
  readDocument: channel<{ mediaType: DocumentSummary['mediaType']; base64: string }>()(documentRequest),
} satisfies Record<Channel, { request: yup.AnySchema; response: unknown }>

export type Contract = typeof contract
export type RequestOf<C extends Channel> = yup.InferType<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']

/** `window.guichet`: one function per channel, each answering a Result, and `on` for the core's events. */
export type GuichetApi = {
  [C in Channel]: undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
} & { on: Subscribe }
