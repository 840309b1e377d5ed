import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { GuichetFailure } from '../../../../src/domain/result'
import type { Core } from '../../core'
import { attachFile } from '../../registrations/attach'
import { deskOptions, withDesk } from './open-desk'

const USAGE =
  'Usage: npm run desk -- enqueue --json <registration.json> [--identity <file>]... [--enrollment <file>]... [--replace-draft]'

/**
 * `desk enqueue`: queues one registration from a JSON file in the contract's `student` shape, with its
 * documents, through the very path of the form: each file is attached to a new draft (the same
 * inspection), then the draft is submitted (the same validation). It uses the desk's one draft slot,
 * so it refuses to run over a registration being typed unless told --replace-draft.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...deskOptions,
      json: { type: 'string' },
      identity: { type: 'string', multiple: true, default: [] },
      enrollment: { type: 'string', multiple: true, default: [] },
      'replace-draft': { type: 'boolean', default: false },
    },
  })
  if (!values.json) {
    console.error(USAGE)
    return 2
  }
  const student = await readStudent(values.json)
  return withDesk(values, async (core) => {
    await makeRoom(core, values['replace-draft'])
    const clientId = randomUUID()
    try {
      for (const [kind, files] of [
        ['identity', values.identity],
        ['enrollment', values.enrollment],
      ] as const) {
        for (const file of files) await attachFile(core, clientId, kind, file)
      }
      const { deskId, eventName } = core.settings.get()
      const form = { ...student, emailConfirmation: student['email'] }
      // The CLI is the admin's: no operator signs in there.
      const receipt = await core.registrations.submit(
        clientId,
        form,
        { id: deskId, event: eventName, operator: '' },
        core.reference.context(core.now()),
      )
      core.audit.record({ action: 'registration_queued', subject: receipt.reference })
      console.log(JSON.stringify(receipt))
      return 0
    } catch (error) {
      await discard(core, clientId)
      throw error
    }
  })
}

async function readStudent(path: string): Promise<Record<string, unknown>> {
  const value = JSON.parse(await readFile(path, 'utf8')) as unknown
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GuichetFailure(
      'usage',
      'The JSON file must hold one object: the student, as in the API contract.',
    )
  }
  return value as Record<string, unknown>
}

async function makeRoom(core: Core, replace: boolean): Promise<void> {
  const draft = core.registrations.loadDraft()
  if (!draft) return
  if (!replace) {
    throw new GuichetFailure(
      'draft_in_progress',
      'A registration is being filled in on this desk; finish it, or run again with --replace-draft.',
    )
  }
  await discard(core, draft.clientId)
}

async function discard(core: Core, clientId: string): Promise<void> {
  await Promise.all(core.registrations.discardDraft(clientId).map((id) => core.vault.delete(id)))
}
