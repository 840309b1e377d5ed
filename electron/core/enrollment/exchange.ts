import { GuichetFailure } from '../../../src/domain/result'
import { settingFields } from '../../../src/domain/settings'
import { parseRetryAfter } from '../sync/backoff'
import { AnswerTooLarge, NetworkFailure, type Transport, type TransportResponse } from '../sync/transport'

export interface Exchanged {
  deskId: string
  token: string
  event: string | null
}

export interface DeskDescription {
  name: string
  appVersion: string
  platform: string
}

/** The contract's final refusals, in words for support and the CLI (the UI translates the code). */
const REFUSALS: Record<string, string> = {
  enrollment_code_unknown: 'The backend does not know this enrollment code: check it, or ask for a new one.',
  enrollment_code_used: 'This enrollment code was already used: ask the administrator for a new one.',
  enrollment_code_expired: 'This enrollment code has expired: ask the administrator for a new one.',
}

/**
 * POST /v1/desks/enrollments: the one-time code (already normalized and checked) for the desk's
 * token and id, over the sync's transport (so the system proxy applies). Redirects are not followed
 * (a Wi-Fi login page answers with one). Every way the network or the backend can say no becomes a
 * GuichetFailure naming the reason; anything else is a bug and goes up as it is. The token never
 * appears in a message.
 */
export async function exchangeCode(
  transport: Transport,
  base: string,
  code: string,
  desk: DeskDescription,
  options: { timeoutMs: number; now: () => Date; signal: AbortSignal },
): Promise<Exchanged> {
  let response: TransportResponse
  try {
    response = await transport.request({
      method: 'POST',
      url: `${base}/v1/desks/enrollments`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: Buffer.from(JSON.stringify({ code, desk })),
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    })
  } catch (error) {
    if (error instanceof AnswerTooLarge) throw unexpected(200)
    if (!(error instanceof NetworkFailure)) throw error
    throw new GuichetFailure(
      'backend_unreachable',
      'The backend cannot be reached: check the network and the backend address.',
    )
  }
  const json = parseJson(response.json)
  const answered = typeof json['code'] === 'string' ? json['code'] : ''
  if (response.status === 201) return accepted(json)
  if ((response.status === 404 || response.status === 410) && REFUSALS[answered]) {
    throw new GuichetFailure(answered, REFUSALS[answered])
  }
  if (response.status === 429) {
    const waitMs = parseRetryAfter(response.header('retry-after'), options.now()) ?? 10 * 60_000
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000))
    throw new GuichetFailure(
      'enrollment_throttled',
      `Too many wrong enrollment codes from this network: wait ${minutes} minute(s) and try again.`,
    )
  }
  throw unexpected(response.status)
}

function accepted(json: Record<string, unknown>): Exchanged {
  const { deskId, token, event } = json
  const validId = typeof deskId === 'string' && settingFields.deskId.isValidSync(deskId) && deskId
  if (!validId || typeof token !== 'string' || !/^[\x21-\x7e]{1,4096}$/.test(token)) throw unexpected(201)
  return { deskId: validId, token, event: typeof event === 'string' && event.trim() ? event.trim() : null }
}

const unexpected = (status: number) =>
  new GuichetFailure(
    'backend_unexpected',
    `The answer (HTTP ${status}) did not come from a Guichet backend: check the backend address, or log in to the Wi-Fi first.`,
  )

/** The body as a JSON object, or {} when there is none (a portal's page, an empty answer). */
function parseJson(body: Buffer | null): Record<string, unknown> {
  if (body === null) return {}
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
