import { EventEmitter } from 'node:events'
import type { LogEntry } from './request-log'

/**
 * Requests as they arrive at the reference backend, for tests to await one under way (pass
 * `onRequest` to createBackend or useBackend) instead of polling the log.
 */
export class Arrivals {
  private readonly emitter = new EventEmitter()

  readonly onRequest = (entry: LogEntry): void => void this.emitter.emit('request', entry)

  /** Resolves when the next request to `route` arrives (it is then under way, not answered). */
  next(route: string): Promise<LogEntry> {
    return new Promise((resolve) => {
      const listener = (entry: LogEntry): void => {
        if (entry.route !== route) return
        this.emitter.off('request', listener)
        resolve(entry)
      }
      this.emitter.on('request', listener)
    })
  }
}
