/**
 * The channel names alone, without their schemas, so the sandboxed preload and the web bridge can
 * build `window.guichet` without bundling yup. `contract.ts` is checked against this list both ways.
 */
export const channels = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'loadDraft',
  'saveDraft',
  'discardDraft',
  'submitRegistration',
  'searchEstablishments',
  'communesFor',
  'uaiExceptions',
  'chooseFiles',
  'chooseTransferFile',
  'attachDocument',
  'listDocuments',
  'removeDocument',
  'setDocumentChecked',
  'readDocument',
  'listScans',
  'scanThumbnail',
  'generateAttestation',
  'readPassportMrz',
  'adminStatus',
  'unlockAdmin',
  'lockAdmin',
  'setAdminPin',
  'getSyncStatus',
  'setDeskToken',
  'testConnection',
  'listQueue',
  'queueCounts',
  'retryNow',
  'pauseSync',
  'resumeSync',
  'discardRecord',
  'reopenForCorrection',
  'sendVerificationCode',
  'confirmVerificationCode',
  'exportQueue',
  'importQueue',
  'enrollDesk',
  'enrollmentStatus',
  'dismissProvisioning',
  'acceptNewBackend',
  'sessionStatus',
  'listOperators',
  'signIn',
  'signOut',
  'lockScreen',
  'addOperator',
  'removeOperator',
] as const

export type Channel = (typeof channels)[number]

/**
 * Channels that need admin mode (electron/core/admin): changing how the desk works or removing data.
 * The core refuses them with `admin_required` while admin mode is locked.
 */
export const adminChannels: readonly Channel[] = [
  'updateSettings',
  'setDeskToken',
  'discardRecord',
  'exportQueue',
  'importQueue',
  'enrollDesk',
  'acceptNewBackend',
  'addOperator',
  'removeOperator',
]

/**
 * What `window.guichet` holds besides the channels: the event subscription, the path of a file the
 * page holds (Electron's webUtils, which only the preload can reach; the web host takes its bytes),
 * and whether the page picks files itself (the web host has no system dialog).
 */
export const pageHelpers = ['on', 'pathForFile', 'pagePicksFiles'] as const

/**
 * Sent by the preload, never by the page, with the path of a file dropped on the window: main lets
 * attachDocument read it (see electron/core/documents/granted-paths.ts).
 */
export const grantDroppedIpc = 'guichet-preload:grant-dropped'

/** The IPC channel name behind an API function; prefixed so nothing else on ipcMain can collide. */
export const ipcName = (c: Channel): string => `guichet:${c}`

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name)
