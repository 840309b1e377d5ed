import { parseArgs } from 'node:util'
import { fieldErrorsOf } from '../../../../src/domain/field-errors'
import type { FieldError } from '../../../../src/domain/result'
import { GuichetFailure } from '../../../../src/domain/result'
import { deskSettingsSchema, settingsPatchSchema, type SettingsPatch } from '../../../../src/domain/settings'
import { changeSettings } from '../../settings-change'
import { problemWords } from '../../setting-problems'
import { deskOptions, withDesk } from './open-desk'

const USAGE =
  'Usage: npm run desk -- settings get [key...] | settings set key=value [key=value...] [--data-dir <dir>]'
const KEYS = Object.keys(deskSettingsSchema.fields)

const UNKNOWN = `not a setting (settings are ${KEYS.join(', ')}); the desk token comes with provision`

/**
 * `desk settings get [key...]`: the settings as one JSON line (never the token, which is not one).
 * `desk settings set key=value...`: checked all together by the settings schema, then written in
 * one update, or nothing written and one JSON line naming each bad key or value.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: deskOptions, allowPositionals: true })
  const [action, ...rest] = positionals
  if (action !== 'get' && action !== 'set') {
    console.error(USAGE)
    return 2
  }
  if (action === 'set' && rest.length === 0) {
    console.error(USAGE)
    return 2
  }
  return withDesk({ 'data-dir': values['data-dir'] }, async (core) => {
    if (action === 'get') {
      const unknown = rest.filter((key) => !KEYS.includes(key))
      if (unknown.length) throw refused(unknown.map((path) => problem(path, 'unknown_setting')))
      const all = core.settings.get()
      const shown = rest.length
        ? Object.fromEntries(rest.map((key) => [key, all[key as keyof typeof all]]))
        : all
      console.log(JSON.stringify(shown))
      return 0
    }
    const next = await changeSettings(core, parsePatch(rest), 'cli')
    console.log(JSON.stringify(next))
    return 0
  })
}

function parsePatch(pairs: string[]): SettingsPatch {
  const problems: FieldError[] = []
  const raw: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    const key = at > 0 ? pair.slice(0, at) : pair
    if (at <= 0) problems.push(problem(key, 'not_key_value'))
    else if (!KEYS.includes(key)) problems.push(problem(key, 'unknown_setting'))
    else raw[key] = pair.slice(at + 1)
  }
  let patch: SettingsPatch = {}
  try {
    patch = settingsPatchSchema.validateSync(raw, { abortEarly: false })
  } catch (error) {
    problems.push(...fieldErrorsOf(error).map((f) => problem(f.path, f.code)))
  }
  if (problems.length) throw refused(problems)
  return patch
}

const problem = (path: string, code: string): FieldError => ({
  path,
  code,
  message: code === 'unknown_setting' ? UNKNOWN : problemWords(code),
})

const refused = (fields: FieldError[]) =>
  new GuichetFailure('invalid_settings', fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields)
