import { randomUUID } from 'node:crypto'
import type { Core } from '../../electron/core/core'
import { sealJson } from '../../electron/core/registrations/sealed-json'
import { studentForm } from '../core/sync/desk'

const STATES = ['queued', 'retry_wait', 'submitted', 'needs_attention']

/** Fills the outbox with `count` sealed records in mixed states, as a full day at a fair would. */
export function seedQueue(core: Core, key: Uint8Array, count: number): void {
  const template = {
    student: { ...studentForm(), emailConfirmation: undefined },
    desk: { id: 'bench-desk', event: '', operator: '' },
  }
  const insert = core.db.prepare(
    `INSERT INTO registrations (client_id, state, payload, created_at, updated_at, captured_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const clientId = randomUUID()
      const at = new Date(Date.UTC(2026, 8, 2, 8) + i * 1000).toISOString()
      insert.run(clientId, STATES[i % STATES.length], sealJson(key, template, clientId), at, at, at)
    }
  })()
}
