import { ApiError } from './reply'

export type AuthVerdict = 'ok' | 'unauthorized' | 'forbidden'

/** The desk tokens the backend knows: unknown or revoked ones get 401, disabled ones 403. */
export class TokenRegistry {
  private readonly known: Set<string>
  private readonly disabled = new Set<string>()

  constructor(tokens: Iterable<string>) {
    this.known = new Set(tokens)
  }

  add(token: string): void {
    this.known.add(token)
  }

  revoke(token: string): void {
    this.known.delete(token)
  }

  disable(token: string): void {
    this.disabled.add(token)
  }

  enable(token: string): void {
    this.disabled.delete(token)
  }

  check(authorization: string | undefined): AuthVerdict {
    const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1]
    if (token === undefined || !this.known.has(token)) return 'unauthorized'
    return this.disabled.has(token) ? 'forbidden' : 'ok'
  }
}

export function authorize(registry: TokenRegistry, authorization: string | undefined): void {
  const verdict = registry.check(authorization)
  if (verdict === 'unauthorized')
    throw new ApiError(401, 'unauthorized', 'Missing, unknown or revoked desk token.')
  if (verdict === 'forbidden') throw new ApiError(403, 'forbidden', 'This desk token may not do this.')
}
