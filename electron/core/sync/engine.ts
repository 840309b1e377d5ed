import { randomUUID } from 'node:crypto'
import type { QueueCounts, SyncStatus } from '../../../src/domain/ipc/events'
import { GuichetFailure } from '../../../src/domain/result'
import { backendBase } from '../../../src/domain/sync/backend-url'
import type { MissingSetting } from '../../../src/domain/enrollment/status'
import type { ConnectionCheck } from '../../../src/domain/sync/queue'
import type { DocumentVault } from '../documents/vault'
import type { DeskEventBus } from '../events'
import type { Claimed, Outbox, OutgoingDocument, Submitted } from '../outbox/outbox'
import type { SettingsStore } from '../settings-store'
import { retryDelay, type BackoffPolicy } from './backoff'
import { BackendClient, reachable, type ClientOptions, type Reachability } from './backend-client'
import { ClaimedRecords } from './claimed-records'
import type { Clock } from './clock'
import type { DeskToken } from './desk-token'
import { problem, SyncFailure } from './failure'
import type { SyncStateStore } from './sync-state'
import { httpTransport } from './http-transport'
import type { RequestBody, Transport } from './transport'

export interface SyncTuning {
  /** Records sent at the same time. */
  inFlight: number
  timeoutMs: number
  minUploadBytesPerSecond: number
  backoff: BackoffPolicy
  /** Longest wait between two passes while online; a record due sooner wakes the sync sooner. */
  tickMs: number
  /** How often the backend is probed while the desk is offline. */
  offlineProbeMs: number
  /** A sent record's status is asked again after this. */
  statusRefreshMs: number
  random: () => number
}

export const defaultTuning: SyncTuning = {
  inFlight: 4,
  timeoutMs: 30_000,
  minUploadBytesPerSecond: 32 * 1024,
  backoff: { baseMs: 2_000, capMs: 5 * 60_000 },
  tickMs: 60_000,
  offlineProbeMs: 15_000,
  statusRefreshMs: 15 * 60_000,
  random: Math.random,
}

export interface SyncParts {
  outbox: Outbox
  vault: DocumentVault
  settings: SettingsStore
  events: DeskEventBus
  token: DeskToken
  state: SyncStateStore
  clock: Clock
  /** How requests reach the backend; node:http(s) with keep-alive when not given. */
  transport?: Transport
  /** Stands for the backendUrl setting (the admin CLI's --backend). */
  backendUrl?: string
  tuning?: Partial<SyncTuning>
  /** Errors that are bugs, for the desk log (by name and stack only). */
  onUnexpected?: (error: unknown) => void
}

/** What `drain` leaves behind: why it stopped and how the queue stands. */
export interface DrainOutcome {
  status: SyncStatus
  counts: QueueCounts
}

/** What made a pass throw: not the network nor the backend (those are each record's), a bug or the disk. */
interface PassFault {
  error: unknown
}

interface ScanReader {
  ahead(doc: OutgoingDocument): void
  take(doc: OutgoingDocument): Promise<RequestBody>
}

const STATUS_BATCH = 20
const PROGRESS_EVERY_MS = 100

/**
 * Hands the outbox to the backend, following the contract's three steps per record (create or
 * replay, upload what the replay says is missing, submit), a few records at a time so that one slow
 * or failing record never holds up the others. It runs on `kick()` (after a registration is
 * queued), on a timer (the next record due, or a tick), and when the health probe finds the backend
 * again. Nothing here keeps state that a crash could lose: each step is a transaction of the outbox
 * (one serving several records: see ClaimedRecords), and the replay of the Idempotency-Key tells a
 * restarted desk where a record stood.
 */
export class SyncEngine {
  private readonly tuning: SyncTuning
  private readonly busy = new Set<string>()
  private current: SyncStatus
  private controller = new AbortController()
  /** The pass under way; it resolves with what made it throw, if anything did. */
  private running: Promise<PassFault | null> | null = null
  private again = false
  private started = false
  private closed = false
  private cancelTimer = (): void => {}
  private lastProgressAt = 0
  private readonly transport: Transport
  /** Scans of submitted records being deleted: the next record need not wait for them. */
  private readonly deleting = new Set<Promise<void>>()
  /** How many `pausedDuring` scopes are open: nothing is sent while any is. */
  private holds = 0
  /** Records claimed and not started, or sent and not taken out: one commit serves several. */
  private readonly claimed: ClaimedRecords
  /** A record of this pass must be tried again (the backend failing, the network): no success to show. */
  private retriedThisPass = false

  constructor(private readonly parts: SyncParts) {
    this.tuning = { ...defaultTuning, ...parts.tuning }
    this.transport = parts.transport ?? httpTransport({ maxSockets: this.tuning.inFlight + 1 })
    this.claimed = new ClaimedRecords(
      parts.outbox,
      this.busy,
      this.tuning.inFlight,
      (ids) => this.deleteScans(ids),
      parts.clock,
      (error) => parts.onUnexpected?.(error),
    )
    const saved = parts.state.get()
    this.current = {
      online: false,
      paused: saved.paused,
      stopped: saved.unauthorized ? 'unauthorized' : null,
      lastSyncAt: saved.lastSyncAt,
      uploading: null,
    }
  }

  status(): SyncStatus {
    return { ...this.current }
  }

  /** Runs from now on, on its own timer, until `close`. */
  start(): void {
    this.started = true
    this.kick()
  }

  /** Stops at once: requests under way are aborted; records caught mid-try are resumed at next start. */
  close(): void {
    this.closed = true
    this.cancelTimer()
    this.closeClaims()
    this.controller.abort()
    this.transport.close()
  }

  /** Something may be ready to send (a registration was just queued, an admin changed a setting). */
  kick(): void {
    if (this.started) void this.run()
  }

  /**
   * Sends what can be sent, waits for records due within `maxWaitMs` and sends them too, then
   * resolves. For the admin CLI's `sync --once` and for tests; the app uses `start`. A pass that
   * threw (a bug, a damaged database) rejects it with that error: the records it left due would
   * only meet it again, without end.
   */
  async drain({ maxWaitMs = 0 }: { maxWaitMs?: number } = {}): Promise<DrainOutcome> {
    for (;;) {
      const fault = await this.run()
      if (fault) {
        await this.deletions()
        throw fault.error
      }
      const { online, paused, stopped } = this.current
      if (this.closed || !online || paused || stopped || this.holds) break
      if (this.parts.outbox.hasDueNow()) continue
      const next = this.parts.outbox.nextDueAt()
      const wait = next ? next.getTime() - this.parts.clock.now().getTime() : Infinity
      if (wait > maxWaitMs) break
      await this.parts.clock.sleep(Math.max(0, wait), this.controller.signal)
    }
    await this.deletions()
    return { status: this.status(), counts: this.parts.outbox.counts() }
  }

  pause(): SyncStatus {
    this.parts.state.update({ paused: true })
    this.setStatus({ paused: true })
    // What is under way stops now; those records go back to where they were, without a failed try.
    this.controller.abort()
    this.controller = new AbortController()
    return this.status()
  }

  resume(): SyncStatus {
    this.parts.state.update({ paused: false })
    this.setStatus({ paused: false })
    this.kick()
    return this.status()
  }

  /**
   * Runs `work` (the export) with no record being sent: tries under way stop now, their records going
   * back without a failed try, and none starts until `work` is done. The admin's pause is left as it was.
   */
  async pausedDuring<T>(work: () => Promise<T>): Promise<T> {
    this.holds++
    this.controller.abort()
    this.controller = new AbortController()
    try {
      await this.running
      return await work()
    } finally {
      this.holds--
      if (!this.holds) this.kick()
    }
  }

  /** "Retry now" on one record, or on every record waiting. */
  retryNow(clientId?: string): void {
    this.parts.outbox.retryNow(clientId)
    this.kick()
  }

  /** A new desk token was provisioned: whatever the old one's refusal stopped may run again. */
  tokenChanged(): void {
    this.parts.state.update({ unauthorized: false })
    this.setStatus({ stopped: null })
    this.kick()
  }

  /** What the desk lacks before it can send anything: the sync stays `not_configured` until none. */
  async missing(): Promise<MissingSetting[]> {
    const missing: MissingSetting[] = []
    if (!(await this.baseUrl())) missing.push('backendUrl')
    if (!this.parts.settings.get().deskId) missing.push('deskId')
    if (!(await this.parts.token.get())) missing.push('token')
    return missing
  }

  /** The network as the sync reaches it (the system proxy in Electron), for the desk's enrollment. */
  get network(): Transport {
    return this.transport
  }

  /** GET /v1/health alone, which needs no token; null when no backend address is set. */
  async probe(): Promise<Reachability | null> {
    const base = await this.baseUrl()
    return base ? new BackendClient({ base, token: '' }, this.clientOptions()).probe() : null
  }

  /**
   * "Test connection" (Settings, `sync --once`): the first thing that fails, from the settings to an
   * authenticated request. What the desk lacks comes first, each named: a desk without its id sends
   * nothing, whatever the backend answers.
   */
  async testConnection(): Promise<ConnectionCheck> {
    const missing = await this.missing()
    const client = missing.length ? null : await this.client()
    if (!client) return { result: 'not_configured', missing }
    const reach = await client.probe()
    if (reach === 'offline' || reach === 'captive_portal') {
      // The header says what the admin just learned, rather than "online" until the next pass.
      this.setStatus({ online: false, captivePortal: reach === 'captive_portal' })
      return { result: reach }
    }
    try {
      // A registration that cannot exist: 404 means the token was accepted.
      await client.registrationStatus(randomUUID())
      return { result: 'unexpected', status: 200 }
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error
      const { code } = error.problem
      if (code === 'not_found') {
        if (this.current.stopped === 'unauthorized') this.tokenChanged()
        return { result: 'ok' }
      }
      const serverError = /^http_(5\d\d)$/.exec(code)?.[1]
      if (serverError) return { result: 'server_error', status: Number(serverError) }
      if (code === 'unauthorized' || code === 'forbidden') {
        // As when the sync meets the refusal: the header says the desk must be provisioned again.
        this.stopUnauthorized()
        return { result: code }
      }
      return { result: code === 'network' || code === 'timeout' ? 'offline' : 'unexpected' }
    }
  }

  /** A client for a call made on the operator's behalf (e-mail verification), or a failure saying why not. */
  async clientOrFail(): Promise<BackendClient> {
    const client = await this.client()
    if (!client)
      throw new GuichetFailure('not_configured', 'The backend address or the desk token is not set.')
    return client
  }

  /** Runs passes until none is asked for; resolves with what made the last one throw, if anything did. */
  private async run(): Promise<PassFault | null> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        try {
          await this.pass()
        } catch (error) {
          // Aborted is the pause or the close doing their work, not a failure.
          if (this.closed || isAbort(error)) continue
          this.parts.onUnexpected?.(error)
          // Not run again at once: the records it left due would meet the same fault, without end.
          return { error }
        }
      } while (this.again && !this.closed)
      return null
    })()
    let fault: PassFault | null = null
    try {
      fault = await this.running
      return fault
    } finally {
      this.running = null
      this.schedule(fault !== null)
    }
  }

  /** Sets the next pass: when a record is due, or a tick; after a pass that threw, a tick at the soonest. */
  private schedule(faulted: boolean): void {
    this.cancelTimer()
    if (!this.started || this.closed) return
    const next = this.parts.outbox.nextDueAt()
    const untilDue = next ? next.getTime() - this.parts.clock.now().getTime() : Infinity
    // A locked keychain is asked again as often as an offline backend, not at once for each record due.
    const delay = faulted
      ? this.tuning.tickMs
      : this.current.online && this.current.stopped !== 'keychain_unavailable'
        ? Math.max(0, Math.min(this.tuning.tickMs, untilDue))
        : this.tuning.offlineProbeMs
    this.cancelTimer = this.parts.clock.timer(delay, () => this.kick())
  }

  private async pass(): Promise<void> {
    const { outbox, settings } = this.parts
    if (this.holds) return
    outbox.purgeIfDue(settings.get().retentionDays)
    if (this.current.paused || this.current.stopped === 'unauthorized') return
    // Without a desk id the backend would refuse every body (desk.id is required): nothing is sent.
    const client = settings.get().deskId ? await this.clientUnlessLocked() : null
    if (client === 'keychain_unavailable') return this.setStatus({ stopped: client })
    this.setStatus({ stopped: client ? null : 'not_configured' })
    if (!client) return this.setStatus({ online: false, captivePortal: false })
    const wasOnline = this.current.online
    const reach = await client.probe()
    const online = reachable(reach)
    this.setStatus({ online, captivePortal: reach === 'captive_portal' })
    if (!online) return
    if (!wasOnline) outbox.retryNetworkFailures()
    this.retriedThisPass = false
    await Promise.all(Array.from({ length: this.tuning.inFlight }, () => this.worker(client)))
    if (this.current.online && !this.current.stopped && !this.current.paused) {
      await this.refreshStatuses(client)
      // The queue screen says "last successful sync": not a pass where the backend answered 503.
      if (this.retriedThisPass) return
      const at = this.parts.clock.now().toISOString()
      this.parts.state.update({ lastSyncAt: at })
      this.setStatus({ lastSyncAt: at })
    }
  }

  /** A try of this record is under way (whatever its state in SQLite says). */
  isBusy(clientId: string): boolean {
    return this.busy.has(clientId)
  }

  private canSend(): boolean {
    const { online, paused, stopped } = this.current
    return !this.closed && online && !paused && !stopped && !this.holds
  }

  private async worker(client: BackendClient): Promise<void> {
    const deskId = this.parts.settings.get().deskId
    this.claimed.join()
    try {
      while (this.canSend()) {
        const record = this.claimed.next(deskId)
        if (!record) return
        let sent: Submitted | null = null
        try {
          sent = await this.send(client, record)
        } finally {
          this.claimed.tried(record.clientId, sent)
        }
      }
    } finally {
      this.claimed.leave(this.closed)
    }
  }

  /** Closing: the records claimed and not started go back now, while the database is open. */
  private closeClaims(): void {
    try {
      this.claimed.close()
    } catch (error) {
      // The next start queues them all the same (`recover`); the desk must close whatever happens.
      this.parts.onUnexpected?.(error)
    }
  }

  /** One try of the record: what the backend answered to its submit, or null when the try failed. */
  private async send(client: BackendClient, record: Claimed): Promise<Submitted | null> {
    const { outbox } = this.parts
    const signal = this.controller.signal
    // The backend's id, kept in SQLite with the try's outcome rather than in a commit of its own: a
    // record cut short by a crash is `sending`, and the replayed POST answers the same id.
    let serverId: string | undefined
    const scans = this.scanReader()
    try {
      // A submit that finds documents missing (a store that lost one) starts the three steps again.
      this.checkScans(record)
      for (let round = 0; ; round++) {
        // A new record's first scan, if small, is read while its POST is answered (a larger one is read
        // where it is sent: see scanReader).
        if (round === 0 && record.attempts === 0 && record.documents[0]) scans.ahead(record.documents[0])
        const created = await client.createRegistration(record.clientId, record.body)
        serverId = created.id
        await this.upload(client, record, created.id, created.missingDocuments, signal, scans)
        try {
          return { clientId: record.clientId, serverStatus: await client.submit(created.id), serverId }
        } catch (error) {
          if (!(error instanceof SyncFailure) || error.missingDocuments.length === 0 || round >= 2)
            throw error
        }
      }
    } catch (error) {
      if (this.closed) return null
      if (signal.aborted) outbox.release(record.clientId, serverId)
      else await this.failed(client, record, error, serverId)
      return null
    } finally {
      if (this.current.uploading?.clientId === record.clientId) this.setStatus({ uploading: null })
    }
  }

  /**
   * The POST declares a record's scans for good (the key refuses another body): one cut short, or
   * missing beside others present, is found here, while the record can still be corrected. Every scan
   * gone is what this desk leaves of a record it sent, when a power cut undid the commit that took it
   * out after its files were deleted: only the backend's replay can tell, so the POST goes on.
   */
  private checkScans(record: Claimed): void {
    let missing: GuichetFailure | undefined
    let gone = 0
    for (const doc of record.documents) {
      try {
        this.parts.vault.intact(doc)
      } catch (error) {
        if (!(error instanceof GuichetFailure) || error.code !== 'document_missing') throw error
        missing = error
        gone++
      }
    }
    if (missing && gone < record.documents.length) throw missing
  }

  private async upload(
    client: BackendClient,
    record: Claimed,
    id: string,
    missing: string[],
    signal: AbortSignal,
    scans: ScanReader,
  ): Promise<void> {
    const documents = missing.map((sha256) => {
      const doc = record.documents.find((d) => d.sha256 === sha256)
      if (!doc) throw new SyncFailure('attention', problem('not_found'))
      return doc
    })
    const totalBytes = documents.reduce((sum, d) => sum + d.size, 0)
    let done = 0
    for (let index = 0; index < documents.length; index++) {
      const doc = documents[index]!
      const bytes = await scans.take(doc)
      // Paused or closing meanwhile: read no further.
      signal.throwIfAborted()
      // The next small scan is read while this one goes out.
      const following = documents[index + 1]
      if (following) scans.ahead(following)
      await client.uploadDocument(id, { ...doc, bytes }, (sent) =>
        this.progress(record.clientId, done + sent, totalBytes),
      )
      done += doc.size
    }
  }

  /**
   * Reads scans from the vault ahead of their turn (a small one whole; a larger one is read where it
   * is sent: see DocumentVault.outgoing); a failure surfaces when that scan's turn comes.
   */
  private scanReader(): ScanReader {
    const reads = new Map<string, Promise<RequestBody>>()
    const ahead = (doc: OutgoingDocument): Promise<RequestBody> => {
      let reading = reads.get(doc.id)
      if (!reading) {
        reading = this.parts.vault.outgoing(doc)
        reading.catch(() => {})
        reads.set(doc.id, reading)
      }
      return reading
    }
    return {
      ahead: (doc) => void ahead(doc),
      take: (doc) => {
        const reading = ahead(doc)
        // Taken once: a later round reads the scan again rather than keeping its bytes.
        reads.delete(doc.id)
        return reading
      },
    }
  }

  /**
   * Deletes a sent record's scans without holding up the next record; `drain` waits for them, and a
   * file left by a close is an orphan the next start sweeps (its row is already gone).
   */
  private deleteScans(ids: string[]): void {
    for (const id of ids) {
      const deleting: Promise<void> = this.parts.vault
        .delete(id)
        .catch((error: unknown) => this.parts.onUnexpected?.(error))
        .finally(() => this.deleting.delete(deleting))
      this.deleting.add(deleting)
    }
  }

  /** Resolves once the scans of every record sent so far are deleted. */
  private async deletions(): Promise<void> {
    while (this.deleting.size > 0) await Promise.all(this.deleting)
  }

  private async failed(
    client: BackendClient,
    record: Claimed,
    error: unknown,
    serverId: string | undefined,
  ): Promise<void> {
    const { outbox } = this.parts
    if (error instanceof SyncFailure && error.kind === 'unauthorized') {
      outbox.release(record.clientId, serverId)
      return this.stopUnauthorized()
    }
    if (error instanceof SyncFailure && error.kind === 'attention')
      return outbox.toAttention(record.clientId, error.problem, { serverId })
    // A scan missing or unreadable on this desk: no retry will bring it back.
    if (error instanceof GuichetFailure) {
      return outbox.toAttention(record.clientId, { code: error.code, message: error.message }, { serverId })
    }
    // A bug, not the network: logged with its stack, and the record says so (never "offline").
    if (!(error instanceof SyncFailure)) this.parts.onUnexpected?.(error)
    const failure = error instanceof SyncFailure ? error : new SyncFailure('retry', problem('internal'))
    this.retriedThisPass = true
    const delay = retryDelay(record.attempts, this.tuning.backoff, failure.retryAfterMs, this.tuning.random)
    outbox.toRetry(record.clientId, failure.problem, delay, serverId)
    // No answer at all may mean the network is gone: the others need not each wait for their timeout.
    if (['network', 'timeout', 'unexpected_answer'].includes(failure.problem.code)) {
      const reach = await client.probe().catch(() => 'offline' as const)
      this.setStatus({ online: reachable(reach), captivePortal: reach === 'captive_portal' })
    }
  }

  private async refreshStatuses(client: BackendClient): Promise<void> {
    const { outbox, clock } = this.parts
    const due = outbox.toRefresh(new Date(clock.now().getTime() - this.tuning.statusRefreshMs), STATUS_BATCH)
    for (const { clientId, serverId } of due) {
      if (!this.canSend()) return
      try {
        const { status } = await client.registrationStatus(serverId)
        outbox.setServerStatus(clientId, await this.submitAgain(client, serverId, status))
      } catch (error) {
        if (!(error instanceof SyncFailure)) throw error
        if (error.kind === 'unauthorized') return this.stopUnauthorized()
        // Otherwise a status is only informative: it is asked again at the next refresh.
      }
    }
  }

  /**
   * A record the desk took for submitted that the backend still holds `awaiting_documents` (a submit
   * answered by a Wi-Fi login page, before desks checked the answer): its scans are gone from the
   * desk, but the uploads may all have landed, so the idempotent submit is asked again. When the
   * backend still lacks documents, the status stays, and the queue says the student must be
   * registered again: no account is created otherwise.
   */
  private async submitAgain(client: BackendClient, serverId: string, status: string): Promise<string> {
    if (status !== 'awaiting_documents') return status
    try {
      return await client.submit(serverId)
    } catch (error) {
      if (error instanceof SyncFailure && error.kind !== 'unauthorized') return status
      throw error
    }
  }

  private stopUnauthorized(): void {
    this.parts.state.update({ unauthorized: true })
    this.setStatus({ stopped: 'unauthorized' })
  }

  private progress(clientId: string, sentBytes: number, totalBytes: number): void {
    const at = this.parts.clock.now().getTime()
    if (sentBytes < totalBytes && at - this.lastProgressAt < PROGRESS_EVERY_MS) return
    this.lastProgressAt = at
    this.setStatus({ uploading: { clientId, sentBytes, totalBytes } })
  }

  private async baseUrl(): Promise<string> {
    return backendBase(this.parts.backendUrl ?? this.parts.settings.get().backendUrl)
  }

  private async client(): Promise<BackendClient | null> {
    const base = await this.baseUrl()
    const token = base ? await this.parts.token.get() : null
    if (!base || !token) return null
    return new BackendClient({ base, token }, this.clientOptions())
  }

  /**
   * The client, or why there is none: a keychain locked since the desk started is neither offline nor
   * a fault, and nothing queued waits on it but the sending, which the next pass tries again.
   */
  private async clientUnlessLocked(): Promise<BackendClient | 'keychain_unavailable' | null> {
    try {
      return await this.client()
    } catch (error) {
      if (error instanceof GuichetFailure && error.code === 'keychain_unavailable') return error.code
      throw error
    }
  }

  private clientOptions(): ClientOptions {
    return {
      timeoutMs: this.tuning.timeoutMs,
      minUploadBytesPerSecond: this.tuning.minUploadBytesPerSecond,
      signal: this.controller.signal,
      now: () => this.parts.clock.now(),
      transport: this.transport,
    }
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    // Called several times per record: a field-by-field look, not two JSON texts per call.
    const keys = Object.keys(patch) as (keyof SyncStatus)[]
    if (keys.every((key) => sameField(this.current[key], patch[key]))) return
    this.current = { ...this.current, ...patch }
    if (!this.closed) this.parts.events.emit('syncStatus', this.status())
  }
}

/** The same value of a status field: a primitive, or the upload's flat object. */
function sameField(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  const fields = Object.keys(a)
  return (
    fields.length === Object.keys(b).length &&
    fields.every((field) => (a as Record<string, unknown>)[field] === (b as Record<string, unknown>)[field])
  )
}

const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError'
