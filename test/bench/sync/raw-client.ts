import { Agent, request } from 'node:http'
import { contentDigest } from '../../backend/fixtures'

/**
 * The baseline: the contract's requests written by hand with node:http and a keep-alive agent,
 * with none of the desk's work around them (no SQLite, no decryption, no state).
 */
export class RawClient {
  private readonly agent: Agent

  constructor(
    private readonly backend: { url: string; token: string },
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets })
  }

  async create(clientId: string, body: Buffer): Promise<string> {
    const answer = await this.send('POST', '/v1/registrations', body, {
      'content-type': 'application/json',
      'idempotency-key': `"${clientId}"`,
    })
    return (answer as { id: string }).id
  }

  async put(id: string, doc: { sha256: string; mediaType: string; bytes: Buffer }): Promise<void> {
    await this.send('PUT', `/v1/registrations/${id}/documents/${doc.sha256}`, doc.bytes, {
      'content-type': doc.mediaType,
      'content-digest': contentDigest(doc.bytes),
    })
  }

  async submit(id: string): Promise<void> {
    await this.send('POST', `/v1/registrations/${id}/submit`, Buffer.alloc(0), {})
  }

  close(): void {
    this.agent.destroy()
  }

  private send(
    method: string,
    path: string,
    body: Buffer,
    headers: Record<string, string>,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = request(`${this.backend.url}${path}`, {
        method,
        agent: this.agent,
        headers: {
          authorization: `Bearer ${this.backend.token}`,
          'content-length': String(body.length),
          ...headers,
        },
      })
      req.once('error', reject)
      req.once('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.once('error', reject)
        res.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if ((res.statusCode ?? 0) >= 300)
            return reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`))
          resolve(JSON.parse(text) as unknown)
        })
      })
      req.end(body)
    })
  }
}

/** Runs `work` on each item, `lanes` at a time, as the sync's workers do. */
export async function inLanes<T>(
  items: readonly T[],
  lanes: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}
