import type { MissingSetting } from '../../../../src/domain/enrollment/status'

const WHAT: Record<MissingSetting, string> = {
  backendUrl: 'backend address',
  deskId: 'desk id',
  token: 'desk token',
}

/** `sync --once`'s not_configured line: exactly what is missing, and the one command that fixes it. */
export function notConfiguredMessage(missing: readonly MissingSetting[]): string {
  const names = missing.map((m) => WHAT[m]).join(', ')
  const onlyAddress = missing.length === 1 && missing[0] === 'backendUrl'
  const fix = onlyAddress
    ? 'set it with `desk settings set backendUrl=https://…` or give --backend'
    : missing.includes('token')
      ? 'enroll the desk with `desk provision --backend <url> --code <code>` (or set GUICHET_TOKEN)'
      : missing.includes('deskId')
        ? 'enroll the desk with `desk provision`, or set it with `desk settings set deskId=…`'
        : 'set it with `desk settings set`'
  return `Not configured: no ${names}. To fix: ${fix}.`
}
