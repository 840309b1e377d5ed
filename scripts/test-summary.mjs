// Prints vitest's totals as one plain line ("N passed, N failed, N skipped"), read by CI.
import { readFileSync } from 'node:fs'

const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
const skipped = report.numPendingTests + report.numTodoTests
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`)
