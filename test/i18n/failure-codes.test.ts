import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REFUSAL_CODES } from '../../electron/core/documents/refusals'
import { en } from '../../src/i18n/en'
import { fr } from '../../src/i18n/fr'

/** Failures only an admin at a terminal (CLI) or the start-up dialog shows, in English by design. */
const notShownInThePage = new Set([
  'usage',
  'database_corrupt',
  'database_too_new',
  'invalid_settings',
  'provisioning_file_no_code',
  // Said at start-up in French and English at once, before any page exists.
  'scans_set_aside',
])

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** Every code the core can answer with: GuichetFailure's first argument and the documents' refusals. */
function coreFailureCodes(): string[] {
  const codes = new Set<string>(REFUSAL_CODES)
  for (const file of sources('electron/core')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/GuichetFailure\(\s*'([a-z_]+)'/g)) {
      codes.add(match[1]!)
    }
  }
  // A refused import lists a reason per registration, each shown to the agent by its code.
  for (const file of sources('electron/core/transfer')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bcode: '([a-z_]+)'/g)) codes.add(match[1]!)
  }
  return [...codes].filter((code) => !notShownInThePage.has(code)).sort()
}

describe('every failure the core can answer is explained to the agent', () => {
  const codes = coreFailureCodes()

  it('finds the codes in the sources', () => {
    expect(codes).toContain('email_on_desk')
    expect(codes).toContain('type_mismatch')
    expect(codes).toContain('body_mismatch')
  })

  it.each([
    ['fr', fr.errors],
    ['en', en.errors],
  ])('in %s', (_locale, errors) => {
    expect(codes.filter((code) => !(code in errors))).toEqual([])
  })
})
