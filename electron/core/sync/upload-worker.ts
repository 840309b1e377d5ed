/**
 * The upload thread (see UploadThread): reads and decrypts each scan whole, then sends it with
 * node:http on this thread's own keep-alive connections.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { readSealed } from '../documents/sealed-file'
import { inThreadHttp } from './http-transport'
import { sentFailure, type FromUploadThread, type ToUploadThread } from './upload-messages'
import type { UploadThreadData } from './upload-thread'

if (!parentPort) throw new Error('upload-worker runs as a worker thread of the sync')
const port = parentPort
// Each sync already limits the records it sends at once; a limit here would only leave an upload
// waiting for a connection while its timeout runs.
const http = inThreadHttp({ maxSockets: Infinity, ca: (workerData as UploadThreadData | null)?.ca })
const underWay = new Map<number, AbortController>()
const send = (message: FromUploadThread): void => port.postMessage(message)

port.on('message', (message: ToUploadThread) => {
  if (message.type === 'abort') underWay.get(message.id)?.abort()
  else void upload(message)
})

async function upload({ id, request, sealed }: Extract<ToUploadThread, { type: 'upload' }>): Promise<void> {
  const stop = new AbortController()
  underWay.set(id, stop)
  try {
    const answer = await http.request({
      ...request,
      signal: stop.signal,
      body: await readSealed(sealed),
      onBodyProgress: (sentBytes) => send({ type: 'progress', id, sentBytes }),
    })
    send({ type: 'answer', id, status: answer.status, headers: answer.headers, json: answer.json })
  } catch (error) {
    // Aborted by the sync's thread, which has already settled this upload.
    if (!stop.signal.aborted) send({ type: 'failed', id, failure: sentFailure(error) })
  } finally {
    underWay.delete(id)
  }
}
