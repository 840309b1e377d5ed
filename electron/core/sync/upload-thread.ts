import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SealedFile } from '../documents/sealed-file'
import type { TransportRequest, TransportResponse } from './transport'
import { receivedFailure, type FromUploadThread, type ToUploadThread } from './upload-messages'

interface UnderWay {
  resolve(response: TransportResponse): void
  reject(error: unknown): void
  onBodyProgress?: (sentBytes: number) => void
}

/** What the upload thread is started with. */
export interface UploadThreadData {
  /** Certificate authorities its https connections trust, in PEM; Node's own when absent. */
  ca?: readonly string[] | undefined
}

/**
 * Sends the larger scans from a thread of its own, which reads, decrypts and writes them to the
 * network. On the sync's thread, megabytes of buffers made V8 collect the whole heap every few scans
 * (more CPU than the decryption itself); the upload thread's heap is tiny, and the sync's thread is
 * left with a few messages per request. One serves the whole process (one per set of trusted
 * certificates, which a thread takes at its start): started on the first such upload, it stays,
 * idle and not keeping the process alive, for the next sync.
 */
export class UploadThread {
  private static readonly instances = new Map<string, UploadThread>()
  private worker: Worker | null = null
  private readonly underWay = new Map<number, UnderWay>()
  private lastId = 0

  private constructor(private readonly data: UploadThreadData) {}

  static shared(data: UploadThreadData = {}): UploadThread {
    const key = data.ca?.join('\n') ?? ''
    let thread = UploadThread.instances.get(key)
    if (!thread) UploadThread.instances.set(key, (thread = new UploadThread(data)))
    return thread
  }

  request(request: TransportRequest, sealed: SealedFile): Promise<TransportResponse> {
    const { method, url, headers, timeoutMs, signal, onBodyProgress } = request
    return new Promise((resolve, reject) => {
      signal.throwIfAborted()
      const id = ++this.lastId
      const worker = this.started()
      const onAbort = (): void => {
        this.settled(id)
        worker.postMessage({ type: 'abort', id } satisfies ToUploadThread)
        reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      this.underWay.set(id, {
        resolve: (response) => {
          signal.removeEventListener('abort', onAbort)
          resolve(response)
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort)
          reject(error)
        },
        ...(onBodyProgress && { onBodyProgress }),
      })
      // An upload under way keeps the process alive, as a socket of this thread would.
      worker.ref()
      const message: ToUploadThread = {
        type: 'upload',
        id,
        request: { method, url, headers, timeoutMs },
        sealed,
      }
      worker.postMessage(message)
    })
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(workerScript, { eval: true, workerData: this.data })
    worker.on('message', (message: FromUploadThread) => this.received(message))
    // The thread itself failed (not a request): a bug, said as one to every upload under way.
    worker.on('error', (error) =>
      this.lost(worker, error instanceof Error ? error : new Error(String(error))),
    )
    worker.on('exit', (code) =>
      this.lost(worker, new Error(`The upload thread stopped (exit code ${code}).`)),
    )
    worker.unref()
    this.worker = worker
    return worker
  }

  private received(message: FromUploadThread): void {
    const upload = this.underWay.get(message.id)
    if (!upload) return
    if (message.type === 'progress') return upload.onBodyProgress?.(message.sentBytes)
    this.settled(message.id)
    if (message.type === 'failed') return upload.reject(receivedFailure(message.failure))
    const { status, headers } = message
    const json =
      message.json && Buffer.from(message.json.buffer, message.json.byteOffset, message.json.byteLength)
    upload.resolve({ status, header: (name) => headers[name.toLowerCase()] ?? null, json })
  }

  private settled(id: number): void {
    this.underWay.delete(id)
    if (this.underWay.size === 0) this.worker?.unref()
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null
    const uploads = [...this.underWay.values()]
    this.underWay.clear()
    for (const upload of uploads) upload.reject(error)
  }
}

/**
 * Starts the worker's script beside this module: the built one in the app's bundle, or the TypeScript
 * source in the Node hosts and the tests, through tsx as the rest (whose loader a worker does not
 * inherit on Node 20). Both are named by absolute URL: the worker's own code resolves from the working
 * directory, which may be anywhere.
 */
const workerScript = ((): string => {
  const here = fileURLToPath(import.meta.url)
  if (!here.endsWith('.ts')) return `import(${JSON.stringify(besideHere(here, 'upload-worker.js'))})`
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const script = JSON.stringify(besideHere(here, 'upload-worker.ts'))
  return `import(${tsx}).then(({ register }) => { register(); return import(${script}) })`
})()

function besideHere(here: string, name: string): string {
  return pathToFileURL(join(dirname(here), name)).href
}
