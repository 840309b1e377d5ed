import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { channels, grantDroppedIpc, ipcName } from '../../src/domain/ipc/channels'
import { dispatch, type Handlers } from '../core/dispatch'
import type { GrantedPaths } from '../core/documents/granted-paths'

/**
 * Registers one ipcMain handler per contract channel. A call is served only when it comes from
 * the app's own top frame; the request is validated again by `dispatch`, whatever the page sent.
 */
export function registerIpc(
  handlers: Handlers,
  admin: { assertUnlocked(): Promise<void> },
  isAllowed: (url: string) => boolean,
  onUnexpected: (error: unknown) => void,
  grants: Pick<GrantedPaths, 'grant'>,
): void {
  ipcMain.on(grantDroppedIpc, (event, path: unknown) => {
    if (fromAppTopFrame(event, isAllowed) && typeof path === 'string') grants.grant([path])
  })
  for (const channel of channels) {
    ipcMain.handle(ipcName(channel), (event, request: unknown) => {
      if (!fromAppTopFrame(event, isAllowed)) {
        return { ok: false, error: { code: 'forbidden_sender', message: 'IPC refused: not the app page.' } }
      }
      return dispatch(handlers, channel, request, admin, onUnexpected)
    })
  }
}

function fromAppTopFrame(
  event: IpcMainInvokeEvent | IpcMainEvent,
  isAllowed: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame
  return !!frame && frame.parent === null && isAllowed(frame.url)
}
