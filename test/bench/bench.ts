/**
 * A bench is a file test/bench/<name>.bench.ts whose default export is `defineBench({...})`; run.ts
 * finds it by its name. It measures and returns rows of figures; it never judges them.
 */
export type Row = Record<string, string | number>

export interface Bench {
  title: string
  run(): Row[] | Promise<Row[]>
}

export const defineBench = (bench: Bench): Bench => bench

/** Milliseconds `work` took, on the monotonic clock. */
export function timed(work: () => void): number {
  const start = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Median and 95th percentile (nearest rank) of a set of timings, formatted in ms. */
export function spread(samples: readonly number[]): { runs: number; median: string; p95: string } {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return { runs: sorted.length, median: ms(rank(0.5)), p95: ms(rank(0.95)) }
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
