import { dialog, type BrowserWindow } from 'electron'
import type { HostHandlers } from '../core/handlers'

/** The types inspection accepts or converts; the content decides in the end, not the extension. */
const scanExtensions = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff']

/** `grantFiles`: what the agent picks in the file dialog is what attachDocument may then read. */
export function electronHostHandlers(
  window: () => BrowserWindow | undefined,
  grantFiles: (paths: readonly string[]) => void,
): HostHandlers {
  return {
    chooseFiles: async () => {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'PDF, JPEG, PNG, TIFF', extensions: scanExtensions }],
      }
      const owner = window()
      const result = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options)
      if (result.canceled) return []
      grantFiles(result.filePaths)
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
