/**
 * Stands where electron/preload stands when the real renderer runs in a plain browser (tests and
 * `npm run dev:web`): builds `window.guichet` with one function per channel, carried over a
 * loopback WebSocket that the host only serves after the per-run secret from the page URL.
 * Classic script, no imports: the host appends the call with the channel list.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function installGuichetBridge(channels: readonly string[], events: readonly string[]): void {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('k')
  if (fromHash) sessionStorage.setItem('guichet-secret', fromHash)
  const secret = sessionStorage.getItem('guichet-secret') ?? ''
  history.replaceState(null, '', location.pathname + location.search)

  const pending = new Map<number, (value: unknown) => void>()
  let next = 1
  const socket = new WebSocket(`ws://${location.host}/__guichet/ws`)
  // Calls wait for the host's "ready": until it has checked the secret, it takes only a small message.
  let ready: () => void = () => {}
  const opened = new Promise<void>((resolve, reject) => {
    ready = resolve
    socket.addEventListener('open', () => socket.send(JSON.stringify({ secret })))
    socket.addEventListener('error', () => reject(new Error('The desk host is not reachable.')))
  })
  const listeners = new Map<string, Set<(payload: unknown) => void>>(events.map((e) => [e, new Set()]))
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as {
      id?: number
      result?: unknown
      event?: string
      payload?: unknown
      ready?: boolean
    }
    if (data.ready) return ready()
    if (data.event) {
      listeners.get(data.event)?.forEach((listener) => listener(data.payload))
      return
    }
    pending.get(data.id ?? 0)?.(data.result)
    pending.delete(data.id ?? 0)
  })
  const on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event)
    if (!set) throw new Error(`Unknown desk event ${event}`)
    set.add(listener)
    return () => void set.delete(listener)
  }

  const invoke = async (channel: string, request: unknown) => {
    await opened
    const id = next++
    return new Promise((resolve) => {
      pending.set(id, resolve)
      socket.send(JSON.stringify({ id, channel, request }))
    })
  }
  // A browser page cannot learn where a dropped file lives; the host maps this to its dropDir.
  const pathForFile = (file: File) => `drop:${file.name}`
  const api = {
    ...Object.fromEntries(channels.map((c) => [c, (request?: unknown) => invoke(c, request)])),
    on,
    pathForFile,
  }
  Object.defineProperty(window, 'guichet', { value: Object.freeze(api), enumerable: true })
}
