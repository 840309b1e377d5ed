import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchTransport } from '../../../electron/core/sync/fetch-transport'
import { httpTransport } from '../../../electron/core/sync/http-transport'
import {
  ROUTE_KEPT_MS,
  routedTransport,
  routeOfProxyList,
  type Route,
} from '../../../electron/core/sync/routed-transport'

/**
 * The app sends with node:http where the system connects straight to the backend, and with
 * Chromium's stack (net.fetch; here Node's fetch stands in for it) where a proxy stands between.
 * The server tells them apart: fetch names itself in User-Agent, node:http sends none.
 */
let server: Server
let base = ''
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers['user-agent'] ? 'fetch' : 'node:http')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"status":"ok","api":"1"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => {
  server.closeAllConnections()
  server.close()
})

function desk(route: (url: string) => Promise<Route>) {
  let now = 0
  const transport = routedTransport({
    route,
    direct: httpTransport({ maxSockets: 2 }),
    proxied: fetchTransport(fetch),
    now: () => now,
  })
  const get = async (path = '/v1/health') => {
    seen.length = 0
    await transport.request({
      method: 'GET',
      url: base + path,
      headers: {},
      timeoutMs: 5_000,
      signal: new AbortController().signal,
    })
    return seen[0]
  }
  return { transport, get, later: (ms: number) => (now += ms) }
}

describe('the transport the route calls for', () => {
  it('goes straight with node:http, and through Chromium’s stack where a proxy is named', async () => {
    let answer = 'DIRECT'
    const asked: string[] = []
    const { transport, get, later } = desk(async (url) => {
      asked.push(url)
      return routeOfProxyList(answer)
    })
    try {
      expect(await get()).toBe('node:http')
      answer = 'PROXY proxy.univ.example:3128; DIRECT'
      // The route is kept a while per origin: the system is not asked on every request.
      expect(await get('/v1/registrations/x')).toBe('node:http')
      expect(asked).toHaveLength(1)
      later(ROUTE_KEPT_MS)
      expect(await get()).toBe('fetch')
      expect(asked).toHaveLength(2)
    } finally {
      transport.close()
    }
  })

  it('lets a failure to tell the route go up as the bug it is, and asks again next time', async () => {
    const bug = new TypeError('resolveProxy is broken')
    let fail = true
    const { transport, get } = desk(async () => {
      if (fail) throw bug
      return 'direct'
    })
    try {
      await expect(get()).rejects.toBe(bug)
      fail = false
      expect(await get()).toBe('node:http')
    } finally {
      transport.close()
    }
  })

  it.each([
    ['DIRECT', 'direct'],
    [' direct ; DIRECT', 'direct'],
    ['PROXY proxy:3128', 'proxied'],
    ['PROXY proxy:3128; DIRECT', 'proxied'],
    ['HTTPS proxy:443', 'proxied'],
    ['SOCKS5 proxy:1080', 'proxied'],
    ['', 'proxied'],
  ])('reads Chromium’s “%s” as %s', (answer, route) => {
    expect(routeOfProxyList(answer)).toBe(route)
  })
})
