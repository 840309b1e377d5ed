import { dialog, type BrowserWindow } from 'electron'
import type { GrantedPaths } from '../core/documents/granted-paths'
import type { HostHandlers } from '../core/handlers'
import { SCAN_EXTENSIONS } from '../../src/domain/queue/documents'

/** `grants`: what the agent picks in the file dialog is what attachDocument may then read. */
export function electronHostHandlers(
  window: () => BrowserWindow | undefined,
  grants: Pick<GrantedPaths, 'grant'>,
): HostHandlers {
  return {
    chooseFiles: async () => {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'PDF, JPEG, PNG, TIFF', extensions: [...SCAN_EXTENSIONS] }],
      }
      const owner = window()
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options)
      if (result.canceled) return []
      grants.grant(result.filePaths)
      return result.filePaths
    },
    chooseTransferFile: async ({ mode }) => {
      const filters = [{ name: 'Guichet', extensions: ['guichet'] }]
      const owner = window()
      if (mode === 'open') {
        const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters }
        const result = owner
          ? await dialog.showOpenDialog(owner, options)
          : await dialog.showOpenDialog(options)
        return result.canceled ? null : (result.filePaths[0] ?? null)
      }
      const options: Electron.SaveDialogOptions = { defaultPath: 'guichet-export.guichet', filters }
      const result = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      return result.canceled ? null : (result.filePath ?? null)
    },
  }
}
