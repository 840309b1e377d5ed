import { GuichetFailure } from '../../../src/domain/result'
import type { SealedFile } from '../documents/sealed-file'
import { AnswerTooLarge, NetworkFailure, type NetworkFailureKind, type TransportRequest } from './transport'

/** What the sync's thread asks of the upload thread, and what it answers (see UploadThread). */
export type ToUploadThread =
  | {
      type: 'upload'
      id: number
      request: Pick<TransportRequest, 'method' | 'url' | 'headers' | 'timeoutMs'>
      sealed: SealedFile
    }
  | { type: 'abort'; id: number }

export type FromUploadThread =
  | { type: 'progress'; id: number; sentBytes: number }
  | { type: 'answer'; id: number; status: number; headers: Record<string, string>; json: Uint8Array | null }
  | { type: 'failed'; id: number; failure: SentFailure }

/** An error as it crosses threads: what the sync tells apart keeps its class, a bug keeps its stack. */
export type SentFailure =
  | { kind: 'network'; network: NetworkFailureKind; cause: string }
  | { kind: 'guichet'; code: string; message: string }
  | { kind: 'answer_too_large' }
  | { kind: 'bug'; name: string; message: string; stack: string | undefined }

export function sentFailure(error: unknown): SentFailure {
  if (error instanceof NetworkFailure) return { kind: 'network', network: error.kind, cause: error.cause }
  if (error instanceof GuichetFailure) return { kind: 'guichet', code: error.code, message: error.message }
  if (error instanceof AnswerTooLarge) return { kind: 'answer_too_large' }
  const bug = error instanceof Error ? error : new Error(String(error))
  return { kind: 'bug', name: bug.name, message: bug.message, stack: bug.stack }
}

export function receivedFailure(failure: SentFailure): Error {
  switch (failure.kind) {
    case 'network':
      return new NetworkFailure(failure.network, failure.cause)
    case 'guichet':
      return new GuichetFailure(failure.code, failure.message)
    case 'answer_too_large':
      return new AnswerTooLarge()
    case 'bug': {
      const bug = new Error(failure.message)
      bug.name = failure.name
      if (failure.stack) bug.stack = failure.stack
      return bug
    }
  }
}
