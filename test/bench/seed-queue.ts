import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import { seal } from '../../electron/core/crypto/aead'
import { bodyAad } from '../../electron/core/outbox/sealing'
import { sealDocumentIds } from '../../electron/core/registrations/record-documents'
import { sealJson } from '../../electron/core/registrations/sealed-json'
import { studentForm } from '../core/sync/desk'

/** A fair's day, one capture a second from 8:00 UTC, as the records' clock. */
export const SEED_START = Date.UTC(2026, 8, 2, 8)
const DAY = 86_400_000
const STATES = ['submitted', 'queued', 'retry_wait', 'submitted', 'needs_attention', 'submitted'] as const

/**
 * Fills the outbox with `count` sealed records in mixed states, as weeks of fairs would leave it: half
 * sent (over the last 40 days, some past a 30-day retention, statuses checked at various times), the
 * rest queued with their body already built, waiting to retry (half of them due at `SEED_START`), or
 * needing attention. Direct SQL inserts of rows sealed as the app seals them: seeding is not measured.
 */
export function seedQueue(core: { db: Database }, key: Uint8Array, count: number): void {
  const template = {
    student: { ...studentForm(), emailConfirmation: undefined },
    desk: { id: 'bench-desk', event: '', operator: '' },
  }
  const insert = core.db.prepare(
    `INSERT INTO registrations (client_id, state, payload, created_at, updated_at, captured_at, attempts,
       next_attempt_at, retry_delay_ms, last_error, server_id, submitted_at, server_status, status_checked_at,
       request_body, documents_seal)
     VALUES (@clientId, @state, @payload, @at, @at, @at, @attempts, @nextAttemptAt, @retryDelayMs, @lastError,
       @serverId, @submittedAt, @serverStatus, @checkedAt, @body, @documents)`,
  )
  const iso = (ms: number) => new Date(ms).toISOString()
  core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const clientId = randomUUID()
      const state = STATES[i % STATES.length] ?? 'queued'
      // Spread over 40 days before SEED_START, so old records are old everywhere.
      const captured = SEED_START - DAY * 40 + Math.floor((i / count) * DAY * 40)
      const sent = state === 'submitted'
      insert.run({
        clientId,
        state,
        payload: sealJson(key, template, clientId),
        at: iso(captured),
        attempts: state === 'queued' || sent ? 0 : 1 + (i % 5),
        nextAttemptAt: state === 'retry_wait' ? iso(SEED_START + (i % 2 ? -1 : 1) * (i % 300) * 1000) : null,
        // The backoff's longest wait, which none of those retry times exceeds.
        retryDelayMs: state === 'retry_wait' ? 300_000 : 0,
        lastError:
          state === 'retry_wait' || state === 'needs_attention' ? '{"code":"network","message":"x"}' : null,
        serverId: sent ? randomUUID() : null,
        submittedAt: sent ? iso(captured + 60_000) : null,
        serverStatus: sent ? (['pending', 'verified', 'pending_documents'][i % 3] ?? null) : null,
        checkedAt: sent ? iso(captured + 120_000 + (i % 7) * DAY) : null,
        body:
          state === 'submitted' ? null : seal(key, Buffer.from(JSON.stringify(template)), bodyAad(clientId)),
        // No scans, and the list that says so, as a record queued without any would have.
        documents: sent ? null : sealDocumentIds(key, clientId, []),
      })
    }
  })()
}
