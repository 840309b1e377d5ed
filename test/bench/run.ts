import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus } from 'node:os'
import { dirname, resolve } from 'node:path'
import { WrongOutcome, type Bench, type Row } from './bench'

/**
 * `npm run bench [-- name...] [-- --json [file]]`: runs every test/bench/*.bench.ts (or those whose
 * name contains one of the names) one after the other and prints their figures; `--json` also
 * writes them (default test-results/bench-<time>.json) to compare two runs. Nothing here passes or
 * fails on a time; a bench whose work went wrong (records not sent, documents not stored) makes the
 * run exit non-zero, its figures unprinted.
 */
const { filters, jsonFile } = parseArgs(process.argv.slice(2))
const files = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()

const machine = `Node ${process.version}, ${process.platform}-${process.arch}, ${availableParallelism()} x ${cpus()[0]?.model}`
console.log(machine)
const results: { file: string; title: string; rows?: Row[]; wrongOutcome?: string }[] = []
for (const file of files) {
  const bench = ((await import(`./${file}`)) as { default: Bench }).default
  console.log(`\n${bench.title} [${file}]`)
  try {
    const rows = await bench.run()
    console.log(table(rows))
    results.push({ file, title: bench.title, rows })
  } catch (error) {
    if (!(error instanceof WrongOutcome)) throw error
    console.error(`WRONG OUTCOME, no figures: ${error.message}`)
    results.push({ file, title: bench.title, wrongOutcome: error.message })
    process.exitCode = 1
  }
}
if (jsonFile) {
  mkdirSync(dirname(jsonFile), { recursive: true })
  writeFileSync(jsonFile, `${JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2)}\n`)
  console.log(`\nFigures written to ${jsonFile}`)
}

function parseArgs(args: readonly string[]): { filters: string[]; jsonFile: string | null } {
  const filters: string[] = []
  let jsonFile: string | null = null
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg !== '--json') {
      filters.push(arg)
      continue
    }
    const next = args[i + 1]
    if (next?.endsWith('.json')) i++
    jsonFile = resolve(
      next?.endsWith('.json')
        ? next
        : `test-results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    )
  }
  return { filters, jsonFile }
}

function table(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  const cells = [columns, ...rows.map((row) => columns.map((column) => String(row[column] ?? '')))]
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]?.length ?? 0)))
  const [head = [], ...body] = cells
  // Columns of figures are right-aligned, as a reader compares them; text stays left-aligned.
  const numeric = columns.map((_, i) => body.every((line) => /^[\d.]/.test(line[i] ?? '')))
  const format = (line: readonly string[]) =>
    line
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [format(head), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(format)].join('\n')
}
