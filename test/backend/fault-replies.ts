import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { FaultAction } from './faults'
import { jsonReply, type Reply } from './reply'

const CODES: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  408: 'request_timeout',
  425: 'too_early',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'bad_gateway',
  503: 'unavailable',
  504: 'gateway_timeout',
}

export function statusReply(fault: Extract<FaultAction, { kind: 'status' }>): Reply {
  const code = fault.code ?? CODES[fault.status] ?? `http_${fault.status}`
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }
  return jsonReply(fault.status, { code, message: STATUS_CODES[fault.status] ?? 'Injected fault.' }, headers)
}

const LOGIN_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Wi-Fi du salon</title></head>
<body><h1>Bienvenue sur le Wi-Fi du salon</h1>
<form method="post" action="/login"><input name="ticket" placeholder="N° de badge"><button>Se connecter</button></form>
</body></html>`

/** What a venue's captive portal answers to any URL: a 200 that is not the backend. */
export function captivePortalReply(page: 'html' | 'json'): Reply {
  if (page === 'json') return jsonReply(200, { status: 'ok' })
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: LOGIN_PAGE }
}

/** Cuts the connection once `afterBytes` of the body arrived, or at its end if it is shorter. */
export function dropConnection(
  req: IncomingMessage,
  afterBytes: number,
  onBytes: (count: number) => void,
): void {
  if (afterBytes <= 0) {
    req.socket.destroy()
    return
  }
  let seen = 0
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length
    onBytes(chunk.length)
    if (seen >= afterBytes) req.socket.destroy()
  })
  req.once('end', () => req.socket.destroy())
}
