import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'guichet/layers').map((m) => m.message)
}

describe('the layer rule is a lint error', () => {
  it.each([
    ['src/domain/probe.ts', "import '../../electron/core/core'"],
    ['src/domain/probe.ts', "import '../stores/desk'"],
    ['src/domain/probe.ts', "import 'vue'"],
    ['src/domain/probe.ts', "import 'node:fs'"],
    ['electron/core/probe.ts', "import 'electron'"],
    ['electron/core/probe.ts', "import 'pinia'"],
    ['electron/core/probe.ts', "import '../main/app'"],
    ['electron/core/db/probe.ts', "import '../../../src/stores/desk'"],
    ['electron/preload/probe.ts', "import '../core/core'"],
    ['electron/main/probe.ts', "import '../../src/App.vue'"],
    ['src/stores/probe.ts', "import 'electron'"],
    ['src/stores/probe.ts', "import '../../electron/core/core'"],
    ['src/probe.ts', "import 'better-sqlite3'"],
  ])('%s may not %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1)
  })

  it.each([
    ['src/domain/ipc/probe.ts', "import '../result'"],
    ['src/domain/probe.ts', "import 'yup'"],
    ['electron/core/db/probe.ts', "import '../../../src/domain/result'"],
    ['electron/core/probe.ts', "import 'node:fs'"],
    ['electron/main/probe.ts', "import 'electron'; import '../core/core'"],
    ['electron/preload/probe.ts', "import 'electron'; import '../../src/domain/ipc/channels'"],
    ['src/stores/probe.ts', "import 'pinia'; import '../domain/result'; import '../api'"],
  ])('%s may %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })
})
