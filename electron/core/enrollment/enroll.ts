import { hostname } from 'node:os'
import { PROVISIONED_SETTINGS, enrollRequest } from '../../../src/domain/enrollment/provisioning'
import type { Enrolled } from '../../../src/domain/enrollment/status'
import { GuichetFailure } from '../../../src/domain/result'
import { settingsPatchSchema, type DeskSettings } from '../../../src/domain/settings'
import { fieldErrorsOf } from '../../../src/domain/field-errors'
import type { AdminVia } from '../admin/admin-actions'
import { applySettings } from '../admin/apply-settings'
import type { Core } from '../core'
import { exchangeCode } from './exchange'

/** Settings a provisioning file may give besides the address and the code. */
export type ProvisionedSettings = Partial<Pick<DeskSettings, (typeof PROVISIONED_SETTINGS)[number]>>

export interface EnrollInput {
  backendUrl: string
  code: string
  settings?: ProvisionedSettings
}

const TIMEOUT_MS = 15_000
const provisionedSettings = settingsPatchSchema.pick([...PROVISIONED_SETTINGS])

/**
 * Enrolls the desk: checks everything locally first (a code spent on a desk that then refuses its
 * own settings would be lost), exchanges the code, stores the token in the keychain, and only then
 * writes the settings, in one update. A failure at any step leaves the settings as they were, so a
 * desk is never half-configured. The backend's event name wins over the file's when it gives one.
 */
export async function enrollDesk(core: Core, input: EnrollInput, via: AdminVia): Promise<Enrolled> {
  let request: { backendUrl: string; code: string }
  let extras: ProvisionedSettings
  try {
    request = enrollRequest.validateSync(input, { abortEarly: false, stripUnknown: true })
    extras = provisionedSettings.validateSync(input.settings ?? {}, { abortEarly: false, stripUnknown: true })
  } catch (error) {
    throw new GuichetFailure('invalid_request', 'Some values are not valid.', fieldErrorsOf(error))
  }
  // A code is spent once: not on a token the keychain (locked since the start) could not keep.
  await core.deskToken.assertWritable()
  const answer = await exchangeCode(
    core.sync.network,
    request.backendUrl,
    request.code,
    { name: hostname(), appVersion: core.appInfo.version, platform: process.platform },
    { timeoutMs: TIMEOUT_MS, now: core.now, signal: new AbortController().signal },
  )
  await core.deskToken.set(answer.token)
  const next = applySettings(
    core,
    {
      ...extras,
      backendUrl: request.backendUrl,
      deskId: answer.deskId,
      ...(answer.event && { eventName: answer.event }),
    },
    via,
  )
  core.sync.tokenChanged()
  core.adminActions.emit({ kind: 'desk_enrolled', deskId: next.deskId, via })
  return { deskId: next.deskId, eventName: next.eventName, backendUrl: next.backendUrl }
}
