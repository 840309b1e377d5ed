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
  'chooseFiles',
  'attachDocument',
  'listDocuments',
  'removeDocument',
  'setDocumentChecked',
  'readDocument',
] as const

export type Channel = (typeof channels)[number]

/** The IPC channel name behind an API function; prefixed so nothing else on ipcMain can collide. */
export const ipcName = (c: Channel): string => `guichet:${c}`

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && (channels as readonly string[]).includes(name)
