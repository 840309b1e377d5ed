import { contextBridge, ipcRenderer } from 'electron'
import { channels, ipcName } from '../../src/domain/ipc/channels'
import type { GuichetApi } from '../../src/domain/ipc/contract'

// One function per contract channel; the page never sees ipcRenderer or an IPC event object.
const api = Object.fromEntries(
  channels.map((channel) => [channel, (request?: unknown) => ipcRenderer.invoke(ipcName(channel), request)]),
) as GuichetApi

contextBridge.exposeInMainWorld('guichet', api)
