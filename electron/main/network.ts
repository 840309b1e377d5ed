import { session, net } from 'electron'
import tls from 'node:tls'
import { defaultTuning } from '../core/sync/engine'
import { fetchTransport } from '../core/sync/fetch-transport'
import { httpTransport } from '../core/sync/http-transport'
import { routedTransport, routeOfProxyList } from '../core/sync/routed-transport'
import type { Transport } from '../core/sync/transport'

/**
 * How the desk reaches its backend in the app: node:http(s) where the system connects straight, with
 * the OS's certificate authorities trusted beside Node's own (an institution's own CA, installed on
 * its laptops, is one of them); Chromium's net.fetch where the system's proxy settings name a proxy.
 */
export function deskTransport(): Transport {
  return routedTransport({
    route: async (url) => routeOfProxyList(await session.defaultSession.resolveProxy(url)),
    direct: httpTransport({ maxSockets: defaultTuning.inFlight + 1, ca: trustedAuthorities() }),
    proxied: fetchTransport((url, init) => net.fetch(url, init)),
    now: () => performance.now(),
  })
}

/**
 * Node's own authorities and the OS's. Electron's Node (24) lists the OS's; an older Node, as in the
 * shell's tests, keeps its defaults.
 */
function trustedAuthorities(): string[] | undefined {
  const list = (tls as Partial<typeof tls>).getCACertificates
  return list ? [...list('default'), ...list('system')] : undefined
}
