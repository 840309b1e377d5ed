import type { ServerResponse } from 'node:http'

/** An answer ready to be written; routes return it and faults forge it. */
export interface Reply {
  status: number
  headers: Record<string, string>
  body: string
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  }
}

/** Thrown by routes for any contract error: `{code, message, ...extra}` with the given status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  reply(): Reply {
    return jsonReply(this.status, { code: this.code, message: this.message, ...this.extra }, this.headers)
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  // The client may be gone already (it gave up, or a fault cut the line): nobody to answer.
  if (res.headersSent || res.destroyed || !res.socket || res.socket.destroyed) return
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) })
  res.end(reply.body)
}
