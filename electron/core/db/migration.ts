import type { Database } from 'better-sqlite3'

/** One schema step. Files are named NNNN-what.ts and listed in order in `migrations/index.ts`. */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
