import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expectOutcome } from '../bench'
import type { Answer, HeldRegistration, Request } from './backend-process'

const script = fileURLToPath(new URL('./backend-process.ts', import.meta.url))

/** The reference backend in its own process (see backend-process.ts), and what the bench asks it. */
export class RemoteBackend {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<RemoteBackend> {
    const child = fork(script, {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    await once(child, 'message')
    return new RemoteBackend(child)
  }

  /** A fresh backend: empty, on a new port. */
  async reset(): Promise<{ url: string; token: string }> {
    return (await this.ask({ type: 'reset' })) as { url: string; token: string }
  }

  async held(): Promise<HeldRegistration[]> {
    return ((await this.ask({ type: 'report' })) as { registrations: HeldRegistration[] }).registrations
  }

  /** CPU time the backend's process has used so far, in ms (all its threads). */
  async cpuMs(): Promise<number> {
    return ((await this.ask({ type: 'cpu' })) as { cpuMs: number }).cpuMs
  }

  stop(): void {
    this.child.kill()
  }

  private async ask(request: Request): Promise<Answer> {
    const answered = once(this.child, 'message') as Promise<[Answer]>
    this.child.send(request)
    return (await answered)[0]
  }
}

/**
 * Throws unless the server holds exactly `expected` registrations, every one submitted (when
 * `submitted`), every declared document received whole with its digest: a bench prints no figure
 * for work that was not done.
 */
export function checkHeld(
  held: HeldRegistration[],
  expected: { clientIds: readonly string[]; submitted: boolean },
): void {
  const wanted = new Set(expected.clientIds.map((id) => id.toLowerCase()))
  const problems: string[] = []
  if (held.length !== wanted.size) problems.push(`${held.length} registrations held, ${wanted.size} expected`)
  for (const r of held) {
    if (!wanted.has(r.clientId)) problems.push(`unexpected registration ${r.clientId}`)
    if (expected.submitted && r.status !== 'submitted') problems.push(`${r.clientId} is ${r.status}`)
    for (const d of r.documents) {
      if (d.received !== d.sha256 || d.receivedBytes !== d.size)
        problems.push(`${r.clientId}: document ${d.sha256.slice(0, 12)} not stored whole`)
    }
  }
  expectOutcome(
    problems.length === 0,
    `the server does not hold what was sent: ${problems.slice(0, 5).join('; ')}`,
  )
}
