import { request, type ClientRequest } from 'node:http'
import { contentDigest, type SampleDocument } from './fixtures'
import type { Backend } from './server'

export interface Answer {
  status: number
  headers: Headers
  /** The JSON body, or `{text}` when the answer is not JSON. */
  body: Record<string, unknown>
}

interface CallInit {
  headers?: Record<string, string>
  body?: BodyInit
}

/** The backend's endpoints as a test calls them: fetch over loopback, token and headers filled in. */
export function api(backend: Backend, token = backend.token) {
  async function call(method: string, path: string, init: CallInit = {}): Promise<Answer> {
    const response = await fetch(`${backend.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
      ...(init.body !== undefined && { body: init.body }),
    })
    const text = await response.text()
    const isJson = response.headers.get('content-type')?.startsWith('application/json')
    return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : { text } }
  }
  const postJson = (path: string, value: unknown, headers: Record<string, string> = {}) =>
    call('POST', path, {
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(value),
    })

  return {
    call,
    health: () => call('GET', '/v1/health'),
    /** `key` defaults to the body's clientId as a Structured Field string. */
    create: <T extends { clientId: string }>(body: T, key = `"${body.clientId}"`) =>
      postJson('/v1/registrations', body, { 'idempotency-key': key }),
    upload: (id: string, doc: SampleDocument, headers: Record<string, string> = {}, bytes = doc.bytes) =>
      call('PUT', `/v1/registrations/${id}/documents/${doc.declared.sha256}`, {
        headers: {
          'content-type': doc.declared.mediaType,
          'content-digest': contentDigest(bytes),
          ...headers,
        },
        // A copy: fetch's types take only ArrayBuffer-backed views, and a Buffer may sit on a shared pool.
        body: new Uint8Array(bytes),
      }),
    submit: (id: string) => call('POST', `/v1/registrations/${id}/submit`),
    status: (id: string) => call('GET', `/v1/registrations/${id}`),
    requestCode: (email: string) => postJson('/v1/email-verifications', { email }),
    confirmCode: (id: string, code: string) => postJson(`/v1/email-verifications/${id}/confirm`, { code }),
  }
}

/**
 * A request whose body the test writes piece by piece (node:http, not fetch), to hold an exchange
 * open or send less than it announces. `answer` settles when the response is complete.
 */
export function openRequest(
  backend: Backend,
  method: string,
  path: string,
  headers: Record<string, string>,
): { req: ClientRequest; answer: Promise<{ status: number; body: string }> } {
  const req = request(`${backend.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${backend.token}`, ...headers },
  })
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('error', reject).on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
  })
  return { req, answer }
}
