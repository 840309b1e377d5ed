import type { Transport } from './transport'

/** How the system reaches a URL: straight, or through a proxy (a PAC file's answer included). */
export type Route = 'direct' | 'proxied'

/** The system's route for an origin is asked again after this: a laptop changes networks. */
export const ROUTE_KEPT_MS = 60_000

/**
 * Each request on the transport its route calls for. Where the desk connects straight to the backend,
 * node:http(s) with its upload thread sends scans at up to twice the rate of a whole-body fetch
 * (`npm run bench -- sync`); where a proxy stands between, Chromium's network stack (Electron's
 * net.fetch) speaks to it, with the PAC file and the proxy's authentication, which node:http does not.
 * A failure to tell the route is a bug, and goes up as one.
 */
export function routedTransport({
  route,
  direct,
  proxied,
  now,
}: {
  route: (url: string) => Promise<Route>
  direct: Transport
  proxied: Transport
  /** Milliseconds on a monotonic clock: a wall clock set back would keep a route that much longer. */
  now: () => number
}): Transport {
  const known = new Map<string, { route: Promise<Route>; at: number }>()
  const routeOf = (url: string): Promise<Route> => {
    const { origin } = new URL(url)
    const kept = known.get(origin)
    if (kept && now() - kept.at < ROUTE_KEPT_MS) return kept.route
    const asked = route(url)
    known.set(origin, { route: asked, at: now() })
    // A failed answer is not kept: the next request asks again.
    asked.catch(() => {
      if (known.get(origin)?.route === asked) known.delete(origin)
    })
    return asked
  }
  return {
    request: async (request) =>
      ((await routeOf(request.url)) === 'direct' ? direct : proxied).request(request),
    close: () => {
      direct.close()
      proxied.close()
    },
  }
}

/**
 * Chromium's answer for a URL (`session.resolveProxy`: "DIRECT", or "PROXY host:port; DIRECT"...) as
 * a route: direct only when nothing but DIRECT is offered.
 */
export function routeOfProxyList(answer: string): Route {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.length > 0 && entries.every((entry) => entry.toUpperCase() === 'DIRECT')
    ? 'direct'
    : 'proxied'
}
