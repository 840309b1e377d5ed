import { EventEmitter } from 'node:events'

/**
 * A recording stand-in for the 'electron' module: just enough surface for electron/main to run
 * under vitest, so tests can assert on what the shell asks of Electron.
 */
type Listener = (...args: unknown[]) => unknown

export class FakeWebContents extends EventEmitter {
  readonly sent: [string, unknown][] = []
  reloads = 0
  crashes = 0
  reload() {
    this.reloads++
  }
  forcefullyCrashRenderer() {
    this.crashes++
  }
  isDestroyed() {
    return false
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  windowOpenHandler?: (details: { url: string }) => { action: string }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler
  }
  /** Emits like Electron does and tells whether a listener called preventDefault. */
  attempt(event: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl?: string
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  isMinimized() {
    return false
  }
  isDestroyed() {
    return false
  }
  restore() {}
  focus() {}
  show() {}
}

export function createFakeElectron() {
  const appEvents = new EventEmitter()
  const ipcHandlers = new Map<string, Listener>()
  const ipcListeners = new Map<string, Listener>()
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const state = {
    whenReady: Promise.resolve(),
    ready: () => {},
    singleInstance: true,
    quit: 0,
    privilegedSchemes: [] as unknown[],
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    errorBoxes: [] as string[],
    /** What app.getPath('userData') answers; tests point it at a temporary folder. */
    userData: '/nonexistent',
    switches: [] as string[],
    exitCode: undefined as number | undefined,
    paths: {} as Record<string, string>,
  }
  /** Back to a fresh, not-yet-ready Electron between tests; the module object stays the same. */
  function reset() {
    appEvents.removeAllListeners()
    ipcHandlers.clear()
    ipcListeners.clear()
    protocolHandlers.clear()
    FakeBrowserWindow.instances = []
    Object.assign(state, {
      singleInstance: true,
      quit: 0,
      privilegedSchemes: [],
      permissionRequest: undefined,
      permissionCheck: undefined,
      errorBoxes: [],
      userData: '/nonexistent',
      switches: [],
      exitCode: undefined,
      paths: {},
    })
    state.whenReady = new Promise<void>((resolve) => (state.ready = resolve))
  }
  reset()

  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => void state.quit++,
      on: (event: string, listener: Listener) => appEvents.on(event, listener),
      whenReady: () => state.whenReady,
      getPath: (name: string) => state.paths[name] ?? state.userData,
      setPath: (name: string, path: string) => void (state.paths[name] = path),
      getName: () => 'Guichet',
      exit: (code: number) => void (state.exitCode = code),
      commandLine: { hasSwitch: (name: string) => state.switches.includes(name) },
      getVersion: () => '9.9.9',
      getAppPath: () => process.cwd(),
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => void state.errorBoxes.push(message),
      showMessageBoxSync: () => 0,
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
        /** The loopback backends of the tests are reached straight, as a fair's Wi-Fi does. */
        resolveProxy: () => Promise.resolve('DIRECT'),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    /** Chromium's network stack stands as Node's fetch, for a backend behind a proxy. */
    net: { fetch: (url: string, init: RequestInit) => fetch(url, init) },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
      on: (channel: string, listener: Listener) => ipcListeners.set(channel, listener),
    },
  }
  return {
    electron,
    state,
    appEvents,
    ipcHandlers,
    ipcListeners,
    protocolHandlers,
    reset,
    ready: () => state.ready(),
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
