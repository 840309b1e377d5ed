import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from './web-host'

let host: WebHost
let origin: string
let secret: string

beforeAll(async () => {
  host = await startWebHost({ dataDir: mkdtempSync(join(tmpdir(), 'guichet-host-')), rendererDir: 'src' })
  const url = new URL(host.url)
  origin = url.origin
  secret = new URLSearchParams(url.hash.slice(1)).get('k')!
})
afterAll(() => host.close())

/** Opens the IPC socket as a page of `pageOrigin` would, sends `first`, then one call. */
function call(
  first: object,
  pageOrigin = origin,
  then: object = { id: 1, channel: 'getAppInfo' },
): Promise<unknown> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/__guichet/ws`, { origin: pageOrigin })
    ws.on('open', () => ws.send(JSON.stringify(first)))
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { ready?: boolean }
      if (message.ready) return ws.send(JSON.stringify(then))
      resolve(message)
      ws.close()
    })
    ws.on('close', (code) => resolve({ closed: code }))
    ws.on('error', () => resolve({ refused: true }))
  })
}

describe('the web host used by tests and dev:web', () => {
  it('listens on the loopback interface only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1')
  })

  it('answers a page of its own origin that knows the secret', async () => {
    expect(await call({ secret })).toMatchObject({ id: 1, result: { ok: true, value: { host: 'web' } } })
  })

  it('does not let the page attach a file it was not handed (a path it made up)', async () => {
    const request = {
      clientId: '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d',
      kind: 'identity',
      path: '/etc/passwd',
    }
    expect(await call({ secret }, origin, { id: 1, channel: 'attachDocument', request })).toMatchObject({
      result: { ok: false, error: { code: 'not_granted' } },
    })
  })

  it('closes the socket on a wrong secret', async () => {
    expect(await call({ secret: 'guess' })).toEqual({ closed: 1008 })
  })

  it('cuts a socket whose first message is large, before reading it, even with the secret in it', async () => {
    expect(await call({ secret: 'guess'.repeat(100_000) })).toEqual({ closed: 1006 })
    expect(await call({ secret, padding: 'x'.repeat(4096) })).toEqual({ closed: 1006 })
  })

  it('takes larger messages once the secret was shown', async () => {
    const large = { id: 1, channel: 'getAppInfo', padding: 'x'.repeat(200_000) }
    expect(await call({ secret }, origin, large)).toMatchObject({ id: 1, result: { ok: true } })
  })

  it('refuses a socket opened by another origin, even with the secret', async () => {
    expect(await call({ secret }, 'http://evil.example')).toEqual({ refused: true })
  })

  it('refuses requests addressed by another host name (DNS rebinding)', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) =>
      request(`${origin}/`, { headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end(),
    )
    expect(status).toBe(421)
  })

  it('serves the page with the CSP and the bridge before the app script', async () => {
    const res = await fetch(`${origin}/`)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html.indexOf('/__guichet/bridge.js')).toBeLessThan(html.indexOf('main.ts'))
  })
})
