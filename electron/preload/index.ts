import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channels, grantDroppedIpc, ipcName } from '../../src/domain/ipc/channels'
import type { GuichetApi } from '../../src/domain/ipc/contract'
import { deskEvents, eventIpcName, type DeskEvent } from '../../src/domain/ipc/events'

// One function per contract channel; the page never sees ipcRenderer or an IPC event object.
const calls = Object.fromEntries(
  channels.map((channel) => [channel, (request?: unknown) => ipcRenderer.invoke(ipcName(channel), request)]),
)

function on(event: DeskEvent, listener: (payload: unknown) => void): () => void {
  if (!deskEvents.includes(event)) throw new Error(`Unknown desk event ${String(event)}`)
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(eventIpcName(event), forward)
  return () => void ipcRenderer.off(eventIpcName(event), forward)
}

// A File dropped on the page carries no path since Electron 32; only webUtils, here, can tell it. The
// path is granted to attachDocument from here, the isolated world, so the page cannot grant one it made
// up (a File the page builds itself has no path). Sent before the page can call attachDocument, and
// IPC messages from one frame arrive in order.
const pathForFile = (file: File): string => {
  const path = webUtils.getPathForFile(file)
  if (path) ipcRenderer.send(grantDroppedIpc, path)
  return path
}

contextBridge.exposeInMainWorld('guichet', { ...calls, on, pathForFile } as GuichetApi)
