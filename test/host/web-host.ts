import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { WebSocketServer, type WebSocket } from 'ws'
import { contentSecurityPolicy } from '../../src/domain/csp'
import { channels } from '../../src/domain/ipc/channels'
import { deskEvents } from '../../src/domain/ipc/events'
import type { Result } from '../../src/domain/result'
import { openCore, type Core } from '../../electron/core/core'
import { dispatch } from '../../electron/core/dispatch'
import { createLog } from '../../electron/core/log'
import { createHandlers } from '../../electron/core/handlers'
import { provisionAtStart } from '../../electron/core/enrollment/first-start'
import type { ProvisioningOutcome } from '../../src/domain/enrollment/status'
import { readRendererFile } from '../../electron/core/renderer-files'
import { MAX_READ_BYTES } from '../../electron/core/documents/limits'
import { transferFolder } from './transfer-folder'
import { createUploads } from './uploads'

export interface WebHostOptions {
  dataDir: string
  rendererDir?: string
  port?: number
  version?: string
  /** The core's clock; tests pin it so ages and dates do not drift. */
  now?: () => Date
  /** Where desk.json is looked for at start, as the installed app looks beside itself and machine-wide. */
  provisioningLocations?: string[]
  /** dev:web: the folder standing for the export/import dialog when no `transferPath` is queued. */
  transferDir?: string
}

export interface WebHost {
  /** Open this in a browser: it carries the per-run secret in its fragment, never sent to the server. */
  url: string
  core: Core
  /**
   * The export/import dialog's stand-in: each call takes the next path; when none is queued, the
   * `transferDir` folder answers (transfer-folder.ts), or null (cancelled).
   */
  transferPath: string[]
  /** The private folder (0700) where files the page sends wait to be taken in, then are deleted. */
  uploadDir: string
  /** What the provisioning file did at this start (null: none found, or no locations given). */
  provisioned: Promise<ProvisioningOutcome | null>
  close(): Promise<void>
}

const BRIDGE_PATH = '/__guichet/bridge.js'
/** The first message carries only the secret (about 50 bytes in a frame of a few more). */
const FIRST_MESSAGE_BYTES = 1024
/** Any later message, once the page proved it is the desk's: at most one uploaded file and its header. */
const MAX_MESSAGE_BYTES = MAX_READ_BYTES + 1024 * 1024
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Serves the built renderer on 127.0.0.1 and the contract's handler table over a WebSocket, with
 * the real core behind it: the same `dispatch` as ipcMain, so tests and demos exercise everything
 * but the Electron glue. Only the loopback interface, only the page's own origin, only after the
 * secret: another local page or process cannot drive the desk.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = options.rendererDir ?? here('../../out/renderer')
  const secret = randomBytes(24).toString('base64url')
  const core = await openCore({
    dataDir: options.dataDir,
    host: 'web',
    version: options.version ?? 'dev',
    resourcesDir: here('../../resources'),
    ...(options.now && { now: options.now }),
    onUnexpected: (error) => createLog(options.dataDir).error('sync', error),
  })
  const transferPath: string[] = []
  const folder = options.transferDir ? transferFolder(options.transferDir, core.now) : () => null
  const uploads = createUploads(core.grants)
  const handlers = uploads.wrap(
    createHandlers(core, {
      // The page opens the browser's own chooser here (pagePicksFiles) and never asks for this dialog.
      chooseFiles: async () => [],
      chooseTransferFile: async (request) => transferPath.shift() ?? folder(request),
    }),
  )
  const bridge = bridgeScript()
  const log = createLog(core.appInfo.dataDir)
  core.sync.start()
  const provisioned = provisionAtStart(core, options.provisioningLocations ?? [])
  let origin = ''

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!isOwnHost(req, origin)) {
      res.writeHead(421).end()
      return
    }
    const headers = { 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' }
    if (path === BRIDGE_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(bridge)
      return
    }
    const file = await readRendererFile(rendererDir, path)
    if (!file) {
      res.writeHead(404, headers).end('Not found')
      return
    }
    const body = path === '/' || path === '/index.html' ? withBridge(file.body) : file.body
    res
      .writeHead(200, { ...headers, 'content-type': file.contentType, 'cache-control': 'no-store' })
      .end(body)
  })

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (req, socket, head) => {
    if (!isOwnHost(req, origin) || req.headers.origin !== origin || req.url !== '/__guichet/ws') {
      socket.destroy()
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, socket))
  })

  function serve(ws: WebSocket, socket: Duplex) {
    let trusted = false
    // Until the secret was shown, whoever connected may send only a few bytes: the socket is cut as
    // soon as more arrive, before ws gathers a message of up to MAX_MESSAGE_BYTES in memory.
    let untrustedBytes = 0
    const capUntrusted = (chunk: Buffer) => {
      untrustedBytes += chunk.length
      if (untrustedBytes > FIRST_MESSAGE_BYTES) socket.destroy()
    }
    socket.on('data', capUntrusted)
    const off = core.events.onAny((event, payload) => {
      if (trusted) ws.send(JSON.stringify({ event, payload }))
    }, deskEvents)
    ws.on('close', off)
    ws.on('message', async (data, binary) => {
      if (binary) {
        if (trusted) ws.send(JSON.stringify(await upload(data as Buffer)))
        else ws.close(1008, 'bad secret')
        return
      }
      let message: { secret?: string; id?: number; channel?: string; request?: unknown }
      try {
        message = JSON.parse(String(data)) as typeof message
      } catch {
        ws.close(1007, 'not JSON')
        return
      }
      if (!trusted) {
        trusted = typeof message.secret === 'string' && sameSecret(message.secret, secret)
        if (!trusted) return ws.close(1008, 'bad secret')
        socket.off('data', capUntrusted)
        // The page sends nothing else until it reads this, so no call ever falls under the cap.
        ws.send(JSON.stringify({ ready: true }))
        return
      }
      const result = await dispatch(handlers, message.channel, message.request, core.admin, (error) =>
        log.error('ipc', error),
      )
      ws.send(JSON.stringify({ id: message.id, result }))
    })
  }

  /** One file's bytes from the page: [u32 header length][header JSON {id, name}][bytes]. */
  async function upload(frame: Buffer): Promise<{ id?: number; result: Result<string> }> {
    try {
      const length = frame.readUInt32BE(0)
      const header = JSON.parse(frame.subarray(4, 4 + length).toString('utf8')) as {
        id?: number
        name?: string
      }
      const result = await uploads.put(String(header.name ?? ''), frame.subarray(4 + length))
      return { ...(typeof header.id === 'number' && { id: header.id }), result }
    } catch (error) {
      log.error('ipc', error)
      return {
        result: { ok: false, error: { code: 'file_unreadable', message: 'The upload was not understood.' } },
      }
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#k=${secret}`,
    core,
    transferPath,
    uploadDir: uploads.dir,
    provisioned,
    close: async () => {
      await provisioned.catch(() => null)
      for (const client of sockets.clients) client.terminate()
      const closed = new Promise((resolve) => server.close(resolve))
      server.closeAllConnections()
      await closed
      core.close()
      uploads.clear()
    },
  }
}

/** Refuses requests addressed by another name (DNS rebinding): only 127.0.0.1:<port> is served. */
function isOwnHost(req: IncomingMessage, origin: string): boolean {
  return `http://${req.headers.host}` === origin
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function bridgeScript(): string {
  const source = readFileSync(here('./bridge.ts'), 'utf8')
  const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
  return `${js}\ninstallGuichetBridge(${JSON.stringify(channels)}, ${JSON.stringify(deskEvents)}, ${MAX_READ_BYTES});\n`
}

/** The bridge is a classic script placed before the module entry, so window.guichet exists first. */
function withBridge(html: Buffer): Buffer {
  return Buffer.from(
    html.toString('utf8').replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`),
  )
}
