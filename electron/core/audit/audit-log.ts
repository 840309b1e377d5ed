import type { Database } from 'better-sqlite3'
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import type { AuditDetail, AuditEntry, AuditEvent } from '../../../src/domain/audit'

interface Row {
  seq: number
  at: string
  actor: string
  action: string
  subject: string | null
  detail: string | null
  prev: Buffer
  hash: Buffer
  mac: Buffer
}

interface Anchor {
  seq: number
  hash: Buffer
  at: string
  mac: Buffer
}

export type AuditVerdict =
  | { ok: true; entries: number; from: number; to: number }
  | { ok: false; seq: number; problem: 'edited' | 'removed' | 'forged' | 'checkpoint' | 'head' }

const GENESIS = Buffer.alloc(32)

/**
 * The append-only log of who did what at the desk: references and ids only, never personal data.
 * Each entry holds the hash of the one before, and a MAC over its own hash with a key derived from the
 * data key (kept in the keychain), so someone holding the database file cannot rewrite the chain and
 * recompute it. The MAC'd head catches a removed last entry; pruning leaves a MAC'd checkpoint (the
 * last pruned entry's seq and hash) from which the chain still verifies.
 */
export class AuditLog {
  private readonly key: Buffer

  constructor(
    private readonly db: Database,
    dataKey: Uint8Array,
    private readonly now: () => Date,
    /** Who acts now: the operator signed in, the admin, the CLI. */
    private readonly actor: () => string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'guichet audit log', 32))
  }

  /** Appends one entry; other features call this for what they do. */
  record(event: AuditEvent): AuditEntry {
    return this.db
      .transaction(() => {
        const last = this.anchor('head')
        const entry: AuditEntry = {
          seq: (last?.seq ?? 0) + 1,
          at: this.now().toISOString(),
          actor: this.actor(),
          action: event.action,
          subject: event.subject ?? null,
          detail: event.detail ?? null,
        }
        const prev = last?.hash ?? this.checkpoint()?.hash ?? GENESIS
        const row = { ...entry, detail: detailText(entry.detail) }
        const hash = chainHash(prev, row)
        this.db
          .prepare(
            `INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev, hash, mac)
             VALUES (@seq, @at, @actor, @action, @subject, @detail, @prev, @hash, @mac)`,
          )
          .run({ ...row, prev, hash, mac: this.mac(hash) })
        this.writeAnchor('head', entry.seq, hash, entry.at)
        return entry
      })
      .immediate()
  }

  /** Entries oldest first, from `since` (an ISO date or instant) when given. */
  list(since?: string): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE (@since IS NULL OR at >= @since) ORDER BY seq')
      .all({ since: since ?? null }) as Row[]
    return rows.map(toEntry)
  }

  /** Walks the chain from the checkpoint (or the start) to the head; names the first bad entry. */
  verify(): AuditVerdict {
    const checkpoint = this.checkpoint()
    if (checkpoint && !this.macOk(checkpoint, 'checkpoint')) {
      return { ok: false, seq: checkpoint.seq, problem: 'checkpoint' }
    }
    let prev = checkpoint?.hash ?? GENESIS
    const from = (checkpoint?.seq ?? 0) + 1
    let expected = from
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>
    for (const row of rows) {
      if (row.seq < expected) return { ok: false, seq: row.seq, problem: 'checkpoint' }
      if (row.seq > expected || !row.prev.equals(prev))
        return { ok: false, seq: expected, problem: 'removed' }
      const hash = chainHash(prev, row)
      if (!hash.equals(row.hash)) return { ok: false, seq: row.seq, problem: 'edited' }
      if (!this.macOk(row, null)) return { ok: false, seq: row.seq, problem: 'forged' }
      prev = hash
      expected += 1
    }
    const last = expected - 1
    const head = this.anchor('head')
    if (!head)
      return last >= from
        ? { ok: false, seq: last, problem: 'head' }
        : { ok: true, entries: 0, from, to: last }
    if (!this.macOk(head, 'head')) return { ok: false, seq: head.seq, problem: 'head' }
    // The head, MAC'd at each append, knows entries the table no longer holds: the last ones were removed.
    if (head.seq > last) return { ok: false, seq: last + 1, problem: 'removed' }
    if (head.seq < last || !head.hash.equals(prev)) return { ok: false, seq: last, problem: 'head' }
    return { ok: true, entries: last - from + 1, from, to: last }
  }

  /**
   * Drops the oldest entries older than `before` whose subject `stillHeld` says is gone from the desk,
   * stopping at the first one to keep, so what remains is one unbroken chain after a MAC'd checkpoint.
   * Nothing is pruned from a log that does not verify.
   */
  prune(before: Date, stillHeld: (subject: string) => boolean): number {
    // A new checkpoint over a tampered chain would launder it: a log that does not verify stays whole.
    if (!this.verify().ok) return 0
    return this.db
      .transaction(() => {
        const start = (this.checkpoint()?.seq ?? 0) + 1
        let last: Row | undefined
        for (const row of this.db
          .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
          .iterate(start) as IterableIterator<Row>) {
          if (row.at >= before.toISOString() || (row.subject !== null && stillHeld(row.subject))) break
          last = row
        }
        if (!last) return 0
        this.writeAnchor('checkpoint', last.seq, last.hash, this.now().toISOString())
        return this.db.prepare('DELETE FROM audit_log WHERE seq <= ?').run(last.seq).changes
      })
      .immediate()
  }

  /** Whether the head was MAC'd with this log's key (null for a log never written): the data key's check. */
  headFits(): boolean | null {
    const head = this.anchor('head')
    return head ? this.macOk(head, 'head') : null
  }

  private checkpoint(): Anchor | undefined {
    return this.anchor('checkpoint')
  }

  private anchor(name: 'head' | 'checkpoint'): Anchor | undefined {
    return this.db.prepare('SELECT seq, hash, at, mac FROM audit_anchors WHERE name = ?').get(name) as
      Anchor | undefined
  }

  private writeAnchor(name: 'head' | 'checkpoint', seq: number, hash: Buffer, at: string): void {
    this.db
      .prepare(
        `INSERT INTO audit_anchors (name, seq, hash, at, mac) VALUES (@name, @seq, @hash, @at, @mac)
         ON CONFLICT(name) DO UPDATE SET seq = @seq, hash = @hash, at = @at, mac = @mac`,
      )
      .run({ name, seq, hash, at, mac: this.mac(anchorBytes(name, seq, hash)) })
  }

  private mac(bytes: Buffer): Buffer {
    return createHmac('sha256', this.key).update(bytes).digest()
  }

  /** An entry's MAC covers its hash; an anchor's covers its name, seq and hash. */
  private macOk(
    item: { seq: number; hash: Buffer; mac: Buffer },
    anchor: 'head' | 'checkpoint' | null,
  ): boolean {
    const expected = this.mac(anchor ? anchorBytes(anchor, item.seq, item.hash) : item.hash)
    return item.mac.length === expected.length && timingSafeEqual(item.mac, expected)
  }
}

/** The hash of an entry as stored (detail as its stored text), chained to the one before. */
function chainHash(prev: Buffer, row: Omit<Row, 'prev' | 'hash' | 'mac'>): Buffer {
  const body = JSON.stringify([row.seq, row.at, row.actor, row.action, row.subject, row.detail])
  return createHash('sha256').update(prev).update(body).digest()
}

const anchorBytes = (name: string, seq: number, hash: Buffer) =>
  Buffer.concat([Buffer.from(`${name}:${seq}:`), hash])

/** Keys sorted, so the text hashed is the same however the detail was built. */
function detailText(detail: AuditDetail | null): string | null {
  if (!detail) return null
  return JSON.stringify(Object.fromEntries(Object.entries(detail).sort(([a], [b]) => a.localeCompare(b))))
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditEntry['action'],
    subject: row.subject,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as AuditDetail),
  }
}
