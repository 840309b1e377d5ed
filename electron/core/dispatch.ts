import { ValidationError } from 'yup'
import { contract, type Channel, type RequestOf, type ResponseOf } from '../../src/domain/ipc/contract'
import { adminChannels, isChannel } from '../../src/domain/ipc/channels'
import type { Result } from '../../src/domain/result'
import { knownFailure } from './disk-full'

export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>
}

/**
 * The one door into the core for every host (Electron's ipcMain, the web host): the channel is
 * looked up in the contract, the request validated again whatever the sender claims, and any
 * failure answered as data. Unexpected errors are reported by name only, since their messages may
 * quote personal data.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  raw: unknown,
  admin: { assertUnlocked(): Promise<void> },
  onUnexpected: (error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: 'No such IPC channel.' } }
  }
  let request: unknown
  try {
    request = await contract[channel].request.validate(raw, { abortEarly: false, stripUnknown: true })
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const fields = (error.inner.length ? error.inner : [error]).map((e) => ({
      path: e.path ?? '',
      code: String(e.type ?? 'invalid'),
      message: e.message,
    }))
    return { ok: false, error: { code: 'invalid_request', message: 'The request is not valid.', fields } }
  }
  try {
    if (adminChannels.includes(channel)) await admin.assertUnlocked()
    const handler = handlers[channel] as (r: unknown) => unknown
    return { ok: true, value: await handler(request) }
  } catch (error) {
    const failure = knownFailure(error)
    if (failure) {
      return {
        ok: false,
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.fields && { fields: failure.fields }),
        },
      }
    }
    // Reporting a bug must not become one: the agent still gets the answer below.
    try {
      onUnexpected(error)
    } catch {
      // The log is best effort (see log.ts); nothing else can be done here.
    }
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Guichet; the desk log has the details.',
      },
    }
  }
}
