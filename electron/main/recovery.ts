import type { BrowserWindow } from 'electron'

/**
 * A renderer that crashed or hangs is replaced by a fresh page: the draft being typed is saved in the
 * core at every change, so the reloaded form offers it back and nothing captured is lost. `report`
 * goes to the desk log (the reason only: a crash report carries no personal data).
 */
export function recoverRenderer(window: BrowserWindow, report: (error: Error) => void): void {
  const contents = window.webContents
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return
    report(Object.assign(new Error('renderer gone'), { name: 'RendererGone', code: details.reason }))
    contents.reload()
  })
  // Hung (an endless loop, a huge PDF): killing it emits render-process-gone, which reloads.
  window.on('unresponsive', () => {
    report(Object.assign(new Error('renderer unresponsive'), { name: 'RendererUnresponsive' }))
    contents.forcefullyCrashRenderer()
  })
}
