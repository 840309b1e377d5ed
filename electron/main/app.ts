import { app, dialog, session, type BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { deskEvents, eventIpcName } from '../../src/domain/ipc/events'
import { GuichetFailure } from '../../src/domain/result'
import { openCore, type Core } from '../core/core'
import { provisionAtStart } from '../core/enrollment/first-start'
import { provisioningLocations } from '../core/enrollment/locations'
import { createHandlers } from '../core/handlers'
import { createLog } from '../core/log'
import { electronHostHandlers } from './dialogs'
import { registerIpc } from './ipc'
import { APP_ENTRY, APP_ORIGIN, isAppUrl } from './origin'
import { registerAppScheme, serveRenderer } from './protocol'
import { deskDataDir, localUserData } from './data-dir'
import { debuggingSwitches } from './debug-switches'
import { deskTransport } from './network'
import { recoverRenderer } from './recovery'
import { confineWebContents, denyPermissions } from './security'
import { createMainWindow } from './window'

/**
 * The Electron shell: one instance, one window, everything else delegated to the core.
 * In development (`npm start` from a checkout) electron-vite may serve the renderer from its dev
 * server; that origin is trusted only while the app is not packaged.
 */
export function runApp(): void {
  const debugging = app.isPackaged
    ? debuggingSwitches(process.argv, (name) => app.commandLine.hasSwitch(name))
    : []
  if (debugging.length) {
    console.error(`Guichet does not start with ${debugging.join(', ')}.`)
    app.exit(1)
    return
  }
  const local = localUserData(process.platform, process.env, app.getName())
  if (local) app.setPath('userData', local)
  registerAppScheme()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
  const origins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN]
  const isAllowed = (url: string) => isAppUrl(url, origins)
  let window: BrowserWindow | undefined

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.on('web-contents-created', (_event, contents) => confineWebContents(contents, isAllowed))
  app.on('window-all-closed', () => app.quit())

  void app
    .whenReady()
    .then(async () => {
      denyPermissions(session.defaultSession)
      serveRenderer(join(import.meta.dirname, '../renderer'))
      const dataDir = deskDataDir(app, process.env)
      const log = createLog(dataDir)
      const core = await openCoreOrExplain(dataDir, (error) => log.error('sync', error))
      if (!core) return
      app.on('will-quit', () => core.close())
      const handlers = createHandlers(
        core,
        electronHostHandlers(() => window, core.grants),
      )
      registerIpc(handlers, core.admin, isAllowed, (error) => log.error('ipc', error), core.grants)
      window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'), devUrl ?? APP_ENTRY)
      recoverRenderer(window, (error) => log.error('renderer', error))
      const contents = window.webContents
      // An event may land between the window closing and the app quitting.
      core.events.onAny((event, payload) => {
        if (!contents.isDestroyed()) contents.send(eventIpcName(event), payload)
      }, deskEvents)
      core.sync.start()
      // desk.json dropped by the installer or an MDM profile: its outcome reaches the page as an event.
      const locations = provisioningLocations({
        platform: process.platform,
        execDir: dirname(app.getPath('exe')),
        env: process.env,
      })
      void provisionAtStart(core, locations).catch((error: unknown) => log.error('provisioning', error))
    })
    .catch((error: unknown) => {
      // Without a keychain or a readable resources folder there is no desk: say so rather than hang.
      dialog.showErrorBox(
        'Guichet',
        `Guichet could not start: ${error instanceof Error ? error.message : error}`,
      )
      app.quit()
    })
}

/** A damaged database, or scans it never knew, kept aside: say where and go on. A newer one: stop. */
async function openCoreOrExplain(
  dataDir: string,
  onUnexpected: (error: unknown) => void,
): Promise<Core | undefined> {
  const open = () =>
    openCore({
      dataDir,
      onUnexpected,
      transport: deskTransport(),
      host: 'electron',
      version: app.getVersion(),
      resourcesDir: app.isPackaged
        ? join(process.resourcesPath, 'resources')
        : join(app.getAppPath(), 'resources'),
      ...(!app.isPackaged && process.env['GUICHET_SQLITE_BINDING']
        ? { nativeBinding: process.env['GUICHET_SQLITE_BINDING'] }
        : {}),
    })
  try {
    return await open()
  } catch (error) {
    if (!(error instanceof GuichetFailure)) throw error
    if (error.code === 'database_corrupt' || error.code === 'scans_set_aside') {
      dialog.showMessageBoxSync({ type: 'warning', title: 'Guichet', message: error.message })
      return await open()
    }
    dialog.showErrorBox('Guichet', error.message)
    app.quit()
    return undefined
  }
}
