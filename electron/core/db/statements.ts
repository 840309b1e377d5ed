import type { Database, Statement } from 'better-sqlite3'

const compiled = new WeakMap<Database, Map<string, Statement>>()

/**
 * `db.prepare(sql)`, compiled once per connection: the sync runs the same few statements for every
 * record, and compiling one costs as much as running it. A statement set to `pluck` here stays so,
 * so each SQL text is used one way only.
 */
export function statement(db: Database, sql: string): Statement {
  let statements = compiled.get(db)
  if (!statements) {
    statements = new Map()
    compiled.set(db, statements)
  }
  let prepared = statements.get(sql)
  if (!prepared) {
    prepared = db.prepare(sql)
    statements.set(sql, prepared)
  }
  return prepared
}
