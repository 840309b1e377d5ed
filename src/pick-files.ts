import { api, unwrap } from './api'
import { SCAN_EXTENSIONS } from './domain/queue/documents'
import type { DocumentKind } from './domain/queue/states'

/**
 * "Choisir un fichier…": the system dialog's paths in the app, or, where the page has no system dialog
 * (the web host), the Files picked in the browser's own chooser. [] when the agent cancelled.
 */
export async function pickFiles(kind: DocumentKind, multiple: boolean): Promise<(string | File)[]> {
  if (!api().pagePicksFiles()) return unwrap(api().chooseFiles({ kind }))
  const input = document.createElement('input')
  input.type = 'file'
  input.multiple = multiple
  input.accept = SCAN_EXTENSIONS.map((extension) => `.${extension}`).join(',')
  return new Promise((resolve) => {
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true })
    input.addEventListener('cancel', () => resolve([]), { once: true })
    input.click()
  })
}
