import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TransferGrants } from '../../electron/core/transfer/transfer-grants'
import { transferFolder } from './transfer-folder'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'guichet-transfers-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('dev:web’s stand-in for the export dialog', () => {
  it('answers a path the core grants, when the folder is given relative (dev:web’s default)', () => {
    const choose = transferFolder(relative(process.cwd(), dir), () => new Date('2026-09-02T18:05:00Z'))
    const saved = choose({ mode: 'save' }) ?? ''
    expect(isAbsolute(saved)).toBe(true)
    expect(() => new TransferGrants().grant('save', saved)).not.toThrow()
    writeFileSync(saved, 'x')
    const opened = choose({ mode: 'open' }) ?? ''
    expect(opened).toBe(saved)
    expect(() => new TransferGrants().grant('open', opened)).not.toThrow()
  })
})
