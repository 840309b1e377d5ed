import type { IncomingMessage } from 'node:http'
import { ApiError } from './reply'
import { failed } from './validation'

export function tooLarge(limit: number): ApiError {
  return new ApiError(413, 'too_large', `The request body is over the limit of ${limit} bytes.`)
}

/**
 * Reads the body as it streams in and gives up as soon as it passes `limit`, so a huge upload
 * never sits in memory. On giving up the request is paused rather than drained: the rest of the
 * bytes are never read (the server closes the connection after answering).
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  onBytes: (count: number) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (outcome: () => void): void => {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose)
      outcome()
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      onBytes(chunk.length)
      if (size > limit) {
        req.pause()
        settle(() => reject(tooLarge(limit)))
      } else {
        chunks.push(chunk)
      }
    }
    const onEnd = (): void => settle(() => resolve(Buffer.concat(chunks, size)))
    // Nobody will read this answer (the socket is gone); 499 is nginx's "client closed request".
    const onClose = (): void =>
      settle(() =>
        reject(new ApiError(499, 'client_closed_request', 'The client left before the body was complete.')),
      )
    req.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onClose)
  })
}

export async function readJson(
  req: IncomingMessage,
  limit: number,
  onBytes: (count: number) => void,
): Promise<unknown> {
  const text = (await readBody(req, limit, onBytes)).toString('utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw failed([{ path: '', code: 'invalid_json', message: 'The request body is not valid JSON.' }])
  }
}
