/**
 * The reference backend in a process of its own, for the sync bench: the desk and the server do
 * not share a CPU thread, as they never do in the field. Driven over IPC: `reset` starts a fresh
 * backend (empty store, new port) and answers its URL and token; `report` answers what the server
 * holds, each stored document with the sha256 of the bytes it really received; `cpu` the CPU time
 * this process has used so far.
 */
import { createHash } from 'node:crypto'
import { createBackend, type Backend } from '../../backend/server'

export type Request = { type: 'reset' } | { type: 'report' } | { type: 'cpu' }

export interface HeldRegistration {
  clientId: string
  status: string
  documents: { sha256: string; size: number; received: string | null; receivedBytes: number }[]
}

export type Answer =
  { url: string; token: string } | { registrations: HeldRegistration[] } | { cpuMs: number }

let backend: Backend | undefined

process.on('message', (request: Request) => {
  void answer(request).then((reply) => process.send?.(reply))
})
process.send?.({ ready: true })

async function answer(request: Request): Promise<Answer> {
  if (request.type === 'cpu') {
    const { user, system } = process.cpuUsage()
    return { cpuMs: (user + system) / 1000 }
  }
  if (request.type === 'reset') {
    await backend?.close()
    backend = await createBackend()
    return { url: backend.url, token: backend.token }
  }
  return {
    registrations: (backend?.store.allRegistrations() ?? []).map((r) => ({
      clientId: r.clientId,
      status: r.status,
      documents: r.documents.map(({ sha256, size }) => {
        const bytes = r.files.get(sha256)
        return {
          sha256,
          size,
          received: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
          receivedBytes: bytes?.length ?? 0,
        }
      }),
    })),
  }
}
