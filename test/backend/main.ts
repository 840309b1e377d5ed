/**
 * `npm run backend`: the reference registration backend for demos and manual tests, on loopback
 * with a fresh desk token. Options: --port <n> (default 8787, 0 for any free port),
 * --enroll-code <code>:<deskId> (repeatable; a one-time enrollment code for that desk, valid 72 h),
 * --event <name> (the event those codes' desks get).
 */
import { parseArgs } from 'node:util'
import { groupEnrollmentCode } from '../../src/domain/enrollment/code'
import type { NewEnrollmentCode } from './enrollments'
import { createBackend } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'enroll-code': { type: 'string', multiple: true, default: [] },
    event: { type: 'string' },
  },
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"`)
  process.exit(2)
}
const enrollmentCodes: (NewEnrollmentCode & { code: string })[] = values['enroll-code'].map((value) => {
  const [code = '', deskId = ''] = value.split(':')
  if (!code || !/^[a-z0-9][a-z0-9-]*$/i.test(deskId)) {
    console.error(`--enroll-code takes <code>:<deskId>, as ABCD-EFGH-JKMN:paris-desk-3, not "${value}"`)
    process.exit(2)
  }
  return { code, deskId, event: values.event ?? null }
})

let backend
try {
  backend = await createBackend({
    port,
    enrollmentCodes,
    onExchange: (e) => console.log(`${e.method} ${e.path} -> ${e.status ?? 'no answer'}`),
  })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(2)
}
console.log(`Guichet reference backend on ${backend.url}`)
console.log(`Desk token: ${backend.token}`)
console.log(`Admin token (POST /v1/admin/enrollment-codes): ${backend.adminToken}`)
for (const { code, deskId } of enrollmentCodes) {
  console.log(`Enrollment code for ${deskId}: ${groupEnrollmentCode(code)}`)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void backend.close().then(() => process.exit(0))
  })
}
