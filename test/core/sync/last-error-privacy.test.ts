import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../electron/core/core'
import { attachFile } from '../../../electron/core/registrations/attach'
import { CONTRACT_CODES, failureOf } from '../../../electron/core/sync/failure'
import { useBackend } from '../../backend/use-backend'
import { cleanup, deskOf, documentFiles, openDesk, studentForm, tempDir } from './desk'

/**
 * `last_error` is kept in clear (the retry query reads its code), so it may hold only the desk's own
 * words: whatever the backend answers, nothing a student typed may reach it.
 */
const t = useBackend()
let dataDir: string
let core: Core
let files: { identity: string; enrollment: string }

beforeEach(async () => {
  dataDir = tempDir('guichet-last-error-')
  core = await openDesk(dataDir, t.backend)
  files = await documentFiles(dataDir)
})
afterEach(() => {
  core.close()
  cleanup(dataDir)
})

/** A student whose name and address are plain ASCII, the easiest to pass for a "code". */
const student = fc.record({
  firstName: fc.stringMatching(/^[A-Z][a-z]{2,11}$/),
  lastName: fc.stringMatching(/^[A-Z][a-z]{2,11}$/),
  year: fc.integer({ min: 1990, max: 2008 }),
})

/** What a backend that echoes the request (a bug, a proxy) could put where a code belongs. */
const echoed = (s: { firstName: string; lastName: string; year: number }) =>
  fc.constantFrom(
    s.lastName,
    s.firstName.toLowerCase(),
    `${s.firstName}.${s.lastName}`.toLowerCase(),
    `${s.lastName}_${s.firstName}`,
    `${s.firstName}-${s.lastName}-${s.year}`,
    `email_taken_${s.firstName.toLowerCase()}.${s.lastName.toLowerCase()}`,
  )

const statuses = fc.constantFrom(400, 404, 409, 410, 415, 422, 500, 502, 503)

/** Whether `text` holds any of the student's own words, whatever the case. */
const holdsStudent = (text: string, s: { firstName: string; lastName: string }) =>
  [s.firstName, s.lastName].some((word) => text.toLowerCase().includes(word.toLowerCase()))

/**
 * Every sentence the desk itself may store for a failure (each code of the contract, each status):
 * a "name" that is a piece of these ("Ion" in "registration") cannot be told from the desk's words.
 */
const deskWords = [400, 404, 409, 410, 415, 422, 500, 502, 503]
  .flatMap((status) =>
    [undefined, ...CONTRACT_CODES].map((code) => failureOf(status, { code }, null).problem),
  )
  .map(({ code, message }) => `${code} ${message}`)
  .join(' ')
const notDeskWords = (s: { firstName: string; lastName: string }) => !holdsStudent(deskWords, s)

describe('last_error holds no student data, whatever the backend answers', () => {
  it('in what the failure keeps in clear (code and message), for any answer', () => {
    fc.assert(
      fc.property(
        student.chain((s) => fc.tuple(fc.constant(s), echoed(s), statuses, fc.jsonValue({ maxDepth: 3 }))),
        ([s, code, status, rest]) => {
          fc.pre(notDeskWords(s))
          const body = { ...(rest !== null && typeof rest === 'object' ? rest : {}), code, message: code }
          const { problem } = failureOf(status, body, null)
          expect(holdsStudent(JSON.stringify({ code: problem.code, message: problem.message }), s)).toBe(
            false,
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('in the column itself, after the real sync met the real backend answering so', async () => {
    await fc.assert(
      fc.asyncProperty(
        student.chain((s) => fc.tuple(fc.constant(s), echoed(s), statuses)),
        async ([s, code, status]) => {
          fc.pre(notDeskWords(s))
          const email = `${s.firstName}.${s.lastName}.${randomUUID().slice(0, 8)}@example.org`.toLowerCase()
          const clientId = randomUUID()
          await attachFile(core, clientId, 'identity', files.identity)
          await attachFile(core, clientId, 'enrollment', files.enrollment)
          const form = { ...studentForm(email), firstName: s.firstName, lastName: s.lastName }
          await core.registrations.submit(clientId, form, deskOf(core), core.reference.context(core.now()))
          t.backend.faults.add({ kind: 'status', status, code, route: 'createRegistration' })
          try {
            await core.sync.drain()
          } finally {
            t.backend.faults.clear()
          }
          const stored = core.db
            .prepare('SELECT last_error FROM registrations WHERE client_id = ?')
            .pluck()
            .get(clientId) as string | null
          expect(stored).not.toBeNull()
          expect(holdsStudent(stored!, s)).toBe(false)
        },
      ),
      { numRuns: 25 },
    )
  })
})
