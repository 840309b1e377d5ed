/**
 * A bench is a file test/bench/<name>.bench.ts whose default export is `defineBench({...})`; run.ts
 * finds it by its name. It measures and returns rows of figures; it never judges their speed, but it
 * checks its outcome (`expectOutcome`) before it returns any: a figure for work that went wrong is a
 * time-to-fail, not a measure.
 */
export type Row = Record<string, string | number>

export interface Bench {
  title: string
  run(): Row[] | Promise<Row[]>
}

export const defineBench = (bench: Bench): Bench => bench

/** The outcome a bench measured was not the one intended: run.ts prints why and exits non-zero. */
export class WrongOutcome extends Error {}

export function expectOutcome(condition: unknown, what: string): asserts condition {
  if (!condition) throw new WrongOutcome(what)
}

/** Milliseconds `work` took, on the monotonic clock. */
export function timed(work: () => void): number {
  const start = process.hrtime.bigint()
  work()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Milliseconds each of `runs` calls of `work` took. */
export function samples(runs: number, work: (run: number) => void): number[] {
  return Array.from({ length: runs }, (_, run) => timed(() => work(run)))
}

/** Nearest-rank quantile of a set of timings. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
}

/** Median and 95th percentile (nearest rank) of a set of timings, formatted in ms. */
export function spread(values: readonly number[]): { runs: number; median: string; p95: string } {
  return { runs: values.length, median: ms(quantile(values, 0.5)), p95: ms(quantile(values, 0.95)) }
}

/**
 * One figure beside the baseline it is judged against, both measured in this run on this machine,
 * and their ratio: a ratio travels between machines, a time does not.
 */
export function versus(
  name: string,
  figure: { label?: string; value: number },
  baseline: { label: string; value: number },
  format: (value: number) => string = ms,
): Row {
  return {
    case: name,
    figure: `${format(figure.value)}${figure.label ? ` (${figure.label})` : ''}`,
    baseline: `${format(baseline.value)} (${baseline.label})`,
    ratio: (figure.value / baseline.value).toFixed(2),
  }
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
