import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const include = resolve('build/installer.nsh')
const config = createRequire(import.meta.url)('../../electron-builder.config.cjs') as {
  nsis?: { include?: string }
}
const makensis = spawnSync('makensis', ['-VERSION']).status === 0

/** NSIS source that runs the include's customInstall as electron-builder's installer does. */
const wrapper = (extra = '') => `OutFile "check.exe"
Unicode true
RequestExecutionLevel user
!include "${include}"
Section
  !insertmacro customInstall
  ${extra}
SectionEnd
`

function compile(source: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-nsis-'))
  try {
    writeFileSync(join(dir, 'check.nsi'), source)
    const run = spawnSync('makensis', ['-V2', 'check.nsi'], { cwd: dir, encoding: 'utf8' })
    return { status: run.status, output: run.stdout + run.stderr }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the NSIS /PROVISION switch', () => {
  it('is included in the Windows installer', () => {
    expect(config.nsis?.include).toBe('build/installer.nsh')
    expect(resolve(config.nsis?.include ?? '')).toBe(include)
  })

  it.skipIf(!makensis)(
    'compiles with makensis as a customInstall macro (no makensis: apt-get install nsis)',
    () => {
      const ok = compile(wrapper())
      expect(ok.output).not.toMatch(/error/i)
      expect(ok.status).toBe(0)
      // The check can fail: a broken include does not compile.
      expect(compile(wrapper('${IfNot} ${Errors}')).status).not.toBe(0)
    },
  )
})
