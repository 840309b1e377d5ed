import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { createHandlers } from '../../../electron/core/handlers'
import { referenceOf } from '../../../src/domain/queue/reference'
import { cleanup, documentFiles, openDesk, queueOne, tempDir } from '../sync/desk'

const main = fileURLToPath(new URL('../../../electron/core/cli/main.ts', import.meta.url))
let dir: string
let core: Core | undefined
let clock: Date

beforeEach(() => {
  dir = tempDir('guichet-audit-')
  clock = new Date('2026-09-02T08:00:00Z')
})
afterEach(() => {
  core?.close()
  core = undefined
  cleanup(dir)
})

const open = async () => (core = await openDesk(dir, null, { now: () => clock }))
const reopen = async () => {
  core?.close()
  return open()
}

/** The database file as someone holding it would change it: the app's triggers are no obstacle. */
function tamper(change: (db: Database.Database) => void) {
  core?.close()
  core = undefined
  const db = new Database(join(dir, 'guichet.sqlite'))
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_prune_only')
  change(db)
  db.close()
}

/** `npm run desk -- audit ...` in its own process, as support runs it. */
function deskAudit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', main, 'audit', ...args, '--data-dir', dir],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    )
  })
}

async function someHistory(c: Core) {
  const handlers = createHandlers(c, { chooseFiles: () => [] })
  await handlers.setAdminPin({ pin: '482915' })
  const ana = await handlers.addOperator({ name: 'Ana Martin', pin: '2468' })
  await handlers.signIn({ operatorId: ana.id, pin: '2468' })
  await handlers.lockScreen(undefined)
  await handlers.signIn({ operatorId: ana.id, pin: '2468' })
  // Ten years: the CLI opens the desk at today's date, and must not prune this history first.
  await handlers.updateSettings({ eventName: 'Salon 2026', retentionDays: 3650 })
  return { handlers, ana }
}

describe('the audit log', () => {
  it('records who did what, with ids and references only, and its chain verifies', async () => {
    const c = await open()
    const { ana } = await someHistory(c)
    const entries = c.audit.list()
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['admin', 'admin_pin_set', null],
      ['admin', 'operator_added', ana.id],
      [`operator:${ana.id}`, 'sign_in', ana.id],
      [`operator:${ana.id}`, 'lock', null],
      [`operator:${ana.id}`, 'unlock', ana.id],
      [`operator:${ana.id}`, 'settings_changed', null],
    ])
    expect(entries.at(-1)?.detail).toEqual({
      settings: ['eventName', 'retentionDays'],
      via: 'settings_screen',
    })
    expect(JSON.stringify(entries)).not.toMatch(/Ana|Martin|Salon/)
    expect(c.audit.verify()).toEqual({ ok: true, entries: 6, from: 1, to: 6 })
  })

  it('names the first edited entry, through the CLI, with a non-zero exit', async () => {
    await someHistory(await open())
    tamper((db) => db.prepare("UPDATE audit_log SET actor = 'operator:op-zzzzzz' WHERE seq = 3").run())
    const run = await deskAudit(['verify'])
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, seq: 3, problem: 'edited' })
    expect(run.stderr).toContain('Audit entry 3 was changed')
  })

  it('detects an entry rewritten with its hash recomputed: the MAC needs the keychain key', async () => {
    await someHistory(await open())
    tamper((db) => {
      // Rewrite entry 6 and recompute its hash as an attacker with the file can; the MAC stays wrong.
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 6').get() as Record<string, unknown> & {
        prev: Buffer
      }
      const body = JSON.stringify([row.seq, row.at, 'cli', row.action, row.subject, row.detail])
      const hash = createHash('sha256').update(row.prev).update(body).digest()
      db.prepare("UPDATE audit_log SET actor = 'cli', hash = ? WHERE seq = 6").run(hash)
      db.prepare("UPDATE audit_anchors SET hash = ? WHERE name = 'head'").run(hash)
    })
    expect((await open()).audit.verify()).toMatchObject({ ok: false, seq: 6, problem: 'forged' })
  })

  it('detects a removed entry, in the middle or at the end', async () => {
    await someHistory(await open())
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run())
    expect((await open()).audit.verify()).toEqual({ ok: false, seq: 4, problem: 'removed' })
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq >= 4').run())
    expect((await open()).audit.verify()).toEqual({ ok: false, seq: 4, problem: 'removed' })
  })

  it('refuses updates and deletes from the app itself (append-only)', async () => {
    const c = await open()
    await someHistory(c)
    expect(() => c.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/)
    expect(() => c.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/checkpoint/)
  })

  it('prints entries as JSON lines, from a date on', async () => {
    const c = await open()
    await someHistory(c)
    clock = new Date('2026-09-05T10:00:00Z')
    c.audit.record({ action: 'export', detail: { records: 3, documents: 6, skipped: 0 } })
    c.close()
    core = undefined
    const run = await deskAudit(['--json', '--since', '2026-09-04'])
    expect(run.code).toBe(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; action: string })
    expect(lines).toEqual([expect.objectContaining({ seq: 7, action: 'export', subject: null })])
    expect((await deskAudit(['--since', 'yesterday'])).code).toBe(2)
  })

  it('prunes entries past the retention period of the records they name, leaving a checkpoint that verifies', async () => {
    const c = await open()
    const files = await documentFiles(dir)
    await someHistory(c)
    c.settings.update({ retentionDays: 30 })
    const sent = await queueOne(c, files)
    c.audit.record({ action: 'registration_queued', subject: referenceOf(sent) })
    clock = new Date('2026-09-03T08:00:00Z')
    const waiting = await queueOne(c, files)
    c.audit.record({ action: 'registration_queued', subject: referenceOf(waiting) })
    c.audit.record({ action: 'export', detail: { records: 1, documents: 2, skipped: 0 } })
    // `sent` was submitted and its personal data purged; `waiting` is still in the outbox.
    c.db
      .prepare(
        "UPDATE registrations SET state = 'submitted', submitted_at = ?, purged_at = ? WHERE client_id = ?",
      )
      .run('2026-09-02T09:00:00Z', '2026-10-02T09:00:00Z', sent)

    clock = new Date('2026-10-20T08:00:00Z')
    const later = await reopen()
    const kept = later.audit.list()
    expect(kept.map((e) => e.seq)).toEqual([8, 9])
    expect(kept[0]).toMatchObject({ action: 'registration_queued', subject: referenceOf(waiting) })
    expect(later.audit.verify()).toEqual({ ok: true, entries: 2, from: 8, to: 9 })
    later.audit.record({ action: 'lock' })
    expect(later.audit.verify()).toEqual({ ok: true, entries: 3, from: 8, to: 10 })

    // Moving the checkpoint forward over entries (hiding them) breaks its MAC.
    tamper((db) => db.prepare("UPDATE audit_anchors SET seq = 8 WHERE name = 'checkpoint'").run())
    expect((await open()).audit.verify()).toMatchObject({ ok: false, problem: 'checkpoint' })
  })
})
