import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
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

const LOCAL_IMPORT = /from '(\.{1,2}\/[^']+)'/g

/** The file's text and that of every test helper it imports, directly or through another helper. */
function withHelpers(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return ''
  seen.add(file)
  const text = readFileSync(join(root, file), 'utf8')
  const helpers = [...text.matchAll(LOCAL_IMPORT)]
    .map(([, spec]) => relative(root, resolve(root, dirname(file), `${spec}.ts`)))
    .filter((helper) => helper.startsWith('test/') && existsSync(join(root, helper)))
  return [text, ...helpers.map((helper) => withHelpers(helper, seen))].join('\n')
}

describe('node test files sharing a worker process', () => {
  it('leave nothing behind: those that replace a module, global, clock or env run isolated', () => {
    const files = NODE_DIRS.flatMap((dir) => testFiles(join(root, 'test', dir)))
    // A helper that sets process.env (a private keychain's D-Bus address) leaks it to every later file.
    const replacing = files.filter((file) => REPLACES.test(withHelpers(file)))
    expect(replacing.length).toBeGreaterThan(0)
    expect(replacing.sort()).toEqual([...ISOLATED_NODE_TESTS].sort())
  })
})
