import { EventEmitter } from 'node:events'
import type { DeskEvent, DeskEvents } from '../../src/domain/ipc/events'

/** The core's typed announcements; each host forwards them to its page. */
export class DeskEventBus {
  private readonly emitter = new EventEmitter()

  emit<E extends DeskEvent>(event: E, payload: DeskEvents[E]): void {
    this.emitter.emit(event, payload)
  }

  on<E extends DeskEvent>(event: E, listener: (payload: DeskEvents[E]) => void): () => void {
    this.emitter.on(event, listener)
    return () => this.emitter.off(event, listener)
  }

  /** Every event, for a host that forwards them all. */
  onAny(listener: (event: DeskEvent, payload: unknown) => void, events: readonly DeskEvent[]): () => void {
    const offs = events.map((event) => this.on(event, (payload) => listener(event, payload)))
    return () => offs.forEach((off) => off())
  }
}
