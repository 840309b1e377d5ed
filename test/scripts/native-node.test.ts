import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

describe('native-node check', () => {
  it('does nothing and says nothing when better-sqlite3 already loads in this Node', () => {
    const run = spawnSync(process.execPath, ['scripts/native-node.mjs'], { cwd: root, encoding: 'utf8' })
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    })
  })
})
