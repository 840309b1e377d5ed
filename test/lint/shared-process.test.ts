import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ISOLATED_NODE_TESTS } from '../../vitest.config'

const root = join(import.meta.dirname, '../..')
const NODE_DIRS = ['domain', 'core', 'main', 'backend', 'packaging', 'scripts', 'lint', 'host', 'cli', 'i18n']
/** What outlives a file in a shared process: a replaced module, global, clock, environment or folder. */
const REPLACES =
  /vi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|process\.env(\[[^\]]*\]|\.\w+) =[^=]|process\.chdir\(/

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return testFiles(path)
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : []
  })
}

describe('node test files sharing a worker process', () => {
  it('leave nothing behind: those that replace a module, global, clock or env run isolated', () => {
    const files = NODE_DIRS.flatMap((dir) => testFiles(join(root, 'test', dir)))
    const replacing = files.filter((file) => REPLACES.test(readFileSync(join(root, file), 'utf8')))
    expect(replacing.length).toBeGreaterThan(0)
    expect(replacing.sort()).toEqual([...ISOLATED_NODE_TESTS].sort())
  })
})
