import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it('leaves the provisioning folder and file to administrators: Users may only read them', () => {
    const text = readFileSync(include, 'utf8')
    const icacls = [...text.matchAll(/GuichetIcacls '([^']*)'/g)].map((m) => m[1]!)
    // A folder a standard user made first is taken back, and inherits nothing from ProgramData.
    expect(icacls.some((args) => /\/setowner \*S-1-5-32-544/.test(args))).toBe(true)
    const acl = icacls.find((args) => args.includes('/inheritance:r'))
    expect(acl).toMatch(/\/grant:r /)
    const grants = [...(acl ?? '').matchAll(/\*(S-[\d-]+):(\S+)/g)].map((m) => [m[1], m[2]])
    expect(grants).toEqual([
      ['S-1-5-18', '(OI)(CI)F'],
      ['S-1-5-32-544', '(OI)(CI)F'],
      ['S-1-5-32-545', '(OI)(CI)RX'],
    ])
    expect(icacls.some((args) => args.includes('desk.json') || /\\\*" \/reset/.test(args))).toBe(true)
    // No other grant anywhere (the former one gave Users modify rights on desk.json).
    expect(text.match(/\/grant\b/g)).toHaveLength(1)
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
