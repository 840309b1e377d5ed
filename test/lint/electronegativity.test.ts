import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

/** Informational by nature: "review the use of preload scripts", which ours is (one function per channel). */
const ACCEPTED = new Set(['PRELOAD_JS_CHECK'])

interface Finding {
  issue: string
  severity: string
  file: string
  location: string
}

/** Electronegativity's CSV: a header line, then one finding per line, fields quoted where needed. */
function parseCsv(text: string): Finding[] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1] ?? '')
      return { issue: cells[0]!, severity: cells[1]!, file: cells[3]!, location: cells[4]! }
    })
}

describe('electronegativity', () => {
  it('finds no HIGH or MEDIUM issue in the app, for the Electron version it ships', async () => {
    const electron = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies['electron']!
    const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js')
    const output = join(mkdtempSync(join(tmpdir(), 'guichet-en-')), 'findings.csv')
    // The whole project, as the review ran it: the CSP check looks for the policy in any file.
    await promisify(execFile)(process.execPath, [cli, '-i', '.', '-e', electron, '-o', output], {
      timeout: 120_000,
    })
    const findings = parseCsv(readFileSync(output, 'utf8'))
    expect(findings.length).toBeGreaterThan(0)
    const serious = findings.filter(
      (f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !ACCEPTED.has(f.issue),
    )
    expect(serious).toEqual([])
  }, 180_000)
})
