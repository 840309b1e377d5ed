import type { Database } from 'better-sqlite3'
import { randomInt } from 'node:crypto'
import type { OperatorSummary } from '../../../src/domain/people'
import { GuichetFailure } from '../../../src/domain/result'
import { openJson, sealJson } from '../registrations/sealed-json'
import type { PinGuard } from './pin-guard'
import { hashPin, pinMatches } from './pin-hash'

const ID_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789'

interface Row {
  id: string
  name: Buffer
  pin_hash: string
}

/** The lockout subject of an operator's PIN, shared with the admin's in `pin_tries`. */
const subjectOf = (id: string) => `operator:${id}`

/**
 * The agents who may work at this desk: a name (sealed) and a personal PIN (scrypt). The admin adds
 * and removes them; each signs in at the start of a shift, under the same lockout as the admin PIN.
 */
export class Operators {
  constructor(
    private readonly db: Database,
    private readonly key: Uint8Array,
    private readonly guard: PinGuard,
    private readonly now: () => Date,
  ) {}

  list(): OperatorSummary[] {
    const rows = this.db.prepare('SELECT id, name FROM operators ORDER BY added_at, id').all() as Row[]
    return rows
      .map((row) => ({ id: row.id, name: openJson<string>(this.key, row.name, row.id) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  exist(): boolean {
    return this.db.prepare('SELECT 1 FROM operators LIMIT 1').get() !== undefined
  }

  async add(name: string, pin: string): Promise<OperatorSummary> {
    const id = `op-${Array.from({ length: 6 }, () => ID_LETTERS[randomInt(ID_LETTERS.length)]).join('')}`
    this.db
      .prepare('INSERT INTO operators (id, name, pin_hash, added_at) VALUES (?, ?, ?, ?)')
      .run(id, sealJson(this.key, name, id), await hashPin(pin), this.now().toISOString())
    return { id, name }
  }

  remove(id: string): void {
    if (this.db.prepare('DELETE FROM operators WHERE id = ?').run(id).changes === 0) throw unknownOperator()
    this.guard.forget(subjectOf(id))
  }

  /** The operator if the PIN is theirs; `wrong_pin` or `pin_locked_out` otherwise. */
  async check(id: string, pin: string): Promise<OperatorSummary> {
    const row = this.db.prepare('SELECT id, name, pin_hash FROM operators WHERE id = ?').get(id) as
      Row | undefined
    if (!row) throw unknownOperator()
    if (!(await this.guard.attempt(subjectOf(id), () => pinMatches(pin, row.pin_hash)))) {
      throw new GuichetFailure('wrong_operator_pin', "This PIN is not this operator's PIN.")
    }
    return { id: row.id, name: openJson<string>(this.key, row.name, row.id) }
  }
}

const unknownOperator = () =>
  new GuichetFailure('operator_unknown', 'This operator is no longer on this desk; choose another.')
