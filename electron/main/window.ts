import { app, BrowserWindow } from 'electron'

export function createMainWindow(preload: string, url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Guichet',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would open it in a new window, past will-navigate.
      disableBlinkFeatures: 'Auxclick',
      // At a desk anyone may touch the keyboard: no console to call the API from in an installed app.
      devTools: !app.isPackaged,
    },
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}
