import { readdirSync } from 'node:fs'
import { availableParallelism, cpus } from 'node:os'
import type { Bench, Row } from './bench'

/**
 * `npm run bench [-- name...]`: runs every test/bench/*.bench.ts (or those whose name contains one
 * of the arguments) one after the other and prints their figures. Nothing here passes or fails on a
 * time: the figures are for people comparing two versions on the same machine.
 */
const filters = process.argv.slice(2)
const files = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()

console.log(
  `Node ${process.version}, ${process.platform}-${process.arch}, ${availableParallelism()} x ${cpus()[0]?.model}`,
)
for (const file of files) {
  const bench = ((await import(`./${file}`)) as { default: Bench }).default
  console.log(`\n${bench.title} [${file}]`)
  console.log(table(await bench.run()))
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
